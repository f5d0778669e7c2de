#include "odoo/html_text.h"

#include <gtest/gtest.h>

namespace xlsync::odoo {
namespace {

TEST(HtmlTextTest, TurnsOdooHtmlIntoPlainText) {
  struct Case {
    const char* html;
    const char* text;
  };
  const Case cases[] = {
      {"", ""},
      {"<p><br></p>", ""},
      {"<p>Hello</p>", "Hello"},
      {"<p>Line one<br>Line two</p>", "Line one\nLine two"},
      {"<p>First</p><p>Second</p>", "First\nSecond"},
      {"<p>First</p><p><br></p><p>Third</p>", "First\n\nThird"},
      {"<div>a<br/><br/><br/><br/>b</div>", "a\n\nb"},
      {"<ul><li>One</li><li>Two</li></ul>", "One\nTwo"},
      {"<p>Fish &amp; chips &lt;3 &quot;yum&quot; &#39;ok&#39;</p>",
       "Fish & chips <3 \"yum\" 'ok'"},
      {"<p>caf&#233; &#x20AC;5&nbsp;net</p>", "caf\u00e9 \u20ac5 net"},
      {"<p>  lots   of\n\t spaces  </p>", "lots of spaces"},
      {"<p>Ter<b>ms</b> and <a href=\"https://x\">conditions</a></p>", "Terms and conditions"},
      {"<p>a &unknown; b &amp</p>", "a &unknown; b &amp"},
      {"<!-- note --><p>kept</p><style>p{color:red}</style>", "kept"},
      {"<h1>Title</h1>Body", "Title\nBody"},
      {"&lt;p&gt; is literal", "<p> is literal"},
      {"plain text", "plain text"},
  };
  for (const auto& c : cases) EXPECT_EQ(HtmlToText(c.html), c.text) << c.html;
}

}  // namespace
}  // namespace xlsync::odoo

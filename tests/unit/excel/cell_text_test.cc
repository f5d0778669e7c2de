#include "excel/cell_text.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace xlsync::excel {
namespace {

using namespace std::string_literals;

constexpr std::string_view kFffd = "\xEF\xBF\xBD";

std::string Repeat(std::string_view piece, size_t times) {
  std::string text;
  for (size_t i = 0; i < times; ++i) text += piece;
  return text;
}

TEST(CellTextTest, RemovesControlCharactersExcelRejectsAndKeepsTabsAndNewlines) {
  const std::string input =
      "a\x00"s
      "b\x01\x08"
      "c\x0B"
      "d\x0C"
      "e\x0E\x1F"
      "f\tg\nh\ri\x7F";
  const TextFix fix = SanitizeText(input);
  EXPECT_EQ(fix.text, "abcdef\tg\nh\ri\x7F");
  EXPECT_TRUE(fix.removed_control_characters);
  EXPECT_FALSE(fix.truncated);
}

TEST(CellTextTest, LeavesCleanTextAlone) {
  const std::string cases[] = {"", "Acme", "Zürich – 10 €", "📊 report\n", "\xC2\x85 NEL is no C0"};
  for (const auto& text : cases) {
    const TextFix fix = SanitizeText(text);
    EXPECT_EQ(fix.text, text);
    EXPECT_FALSE(fix.removed_control_characters);
    EXPECT_FALSE(fix.truncated);
  }
}

TEST(CellTextTest, RepairsInvalidUtf8WithReplacementCharacters) {
  struct Case {
    std::string input;
    std::string expected;
  };
  const std::string r(kFffd);
  const Case cases[] = {
      {"a\xFF"
       "b",
       "a" + r + "b"},
      {"end\xC3", "end" + r},                        // cut 2-byte sequence
      {"\xE2\x82x", r + "x"},                        // cut 3-byte sequence: one U+FFFD
      {"\xF0\x9F\x98", r},                           // cut 4-byte sequence at the end
      {"\xC0\xAF", r + r},                           // overlong "/"
      {"\xED\xA0\x80", r + r + r},                   // a UTF-16 surrogate in UTF-8
      {"\xF4\x90\x80\x80", r + r + r + r},           // beyond U+10FFFF
      {"\x80\x80", r + r},                           // stray continuation bytes
      {"ok \xE2\x82\xAC ok", "ok \xE2\x82\xAC ok"},  // a valid € stays
  };
  for (const auto& c : cases) {
    const TextFix fix = SanitizeText(c.input);
    EXPECT_EQ(fix.text, c.expected);
    EXPECT_FALSE(fix.truncated);
  }
}

TEST(CellTextTest, CutsAt32767Utf16UnitsWithoutSplittingACharacter) {
  struct Case {
    const char* what;
    std::string input;
    std::string expected;
    bool truncated;
  };
  const std::string a32766(32'766, 'a');
  const Case cases[] = {
      {"ASCII at the limit", std::string(32'767, 'a'), std::string(32'767, 'a'), false},
      {"ASCII over the limit", std::string(40'000, 'a'), std::string(32'767, 'a'), true},
      {"2-byte at the boundary", a32766 + "éé", a32766 + "é", true},
      {"3-byte at the boundary", a32766 + "€€", a32766 + "€", true},
      {"4-byte across the boundary", a32766 + "😀", a32766, true},
      {"4-byte ending at the limit", std::string(32'765, 'a') + "😀", std::string(32'765, 'a') + "😀",
       false},
      {"only 3-byte characters", Repeat("€", 40'000), Repeat("€", 32'767), true},
      {"only 4-byte characters", Repeat("😀", 20'000), Repeat("😀", 16'383), true},
      {"controls do not count", std::string(32'767, 'a') + "\x01", std::string(32'767, 'a'), false},
  };
  for (const auto& c : cases) {
    const TextFix fix = SanitizeText(c.input);
    EXPECT_EQ(fix.text.size(), c.expected.size()) << c.what;
    EXPECT_EQ(fix.text == c.expected, true) << c.what;
    EXPECT_EQ(fix.truncated, c.truncated) << c.what;
  }
}

TEST(CellTextTest, QuotePrefixesEveryNonEmptyText) {
  struct Case {
    std::string text;
    bool allow_formulas;
    std::string value;
  };
  const Case cases[] = {
      {"", false, ""},
      {"", true, ""},
      {"Acme", false, "'Acme"},
      {"00123", false, "'00123"},
      {"March 2024", false, "'March 2024"},
      {"TRUE", false, "'TRUE"},
      {"=1+1", false, "'=1+1"},
      {"+33 1 23 45 67 89", false, "'+33 1 23 45 67 89"},
      {"-5", false, "'-5"},
      {"@SUM(A1)", false, "'@SUM(A1)"},
      {"\tx", false, "'\tx"},
      {"\rx", false, "'\rx"},
      {"'already quoted", false, "''already quoted"},
      {"=1+1", true, "=1+1"},
      {"+1", true, "'+1"},
      {"@x", true, "'@x"},
      {"text", true, "'text"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(GraphTextValue(c.text, c.allow_formulas), c.value)
        << c.text << " allow_formulas=" << c.allow_formulas;
  }
}

}  // namespace
}  // namespace xlsync::excel

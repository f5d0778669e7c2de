#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xlsync::fakes {

/// The group a date or datetime value falls in for a "field:granularity" group-by
/// (odoo-api.md §9.1): read_group's display label ("January 2024", "W5 2024", "Q1 2024") and
/// the bucket's [from, to) as Odoo writes them in __range and group domains: "YYYY-MM-DD" for
/// dates, UTC "YYYY-MM-DD HH:MM:SS" of the local midnights for datetimes.
struct DateBucket {
  std::string label;
  std::string from;
  std::string to;

  bool operator==(const DateBucket& other) const = default;
};

/// The granularities read_group and formatted_read_group bucket dates by.
bool IsTimeGranularity(std::string_view granularity);

/// Where Odoo's _read_group puts `raw` ("YYYY-MM-DD" or UTC "YYYY-MM-DD HH:MM:SS"; nullopt if
/// it is neither): datetimes are bucketed in `tz` (an unknown or empty zone is UTC, as Odoo
/// ignores zones pytz does not know); weeks start on the language's first day (en_US Sunday,
/// fr_FR Monday) and are numbered like Odoo's date_utils.weeknumber; labels are in `lang`
/// (en_US, or fr_FR).
std::optional<DateBucket> BucketOf(std::string_view raw, bool datetime, std::string_view granularity,
                                   const std::string& tz, const std::string& lang);

}  // namespace xlsync::fakes

#include "scheduler/cron_field.h"

#include <array>
#include <charconv>
#include <string>

#include "core/text.h"

namespace xlsync::scheduler {
namespace {

struct FieldSpec {
  const char* field;         // "in the hour field"
  const char* unit;          // "an hour of 25"
  const char* range;         // what the user should write instead
  unsigned min;
  unsigned max;
  const char* const* names;  // three-letter names for min..max, or nullptr
};

constexpr const char* kMonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                       "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr const char* kDayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};

constexpr std::array<FieldSpec, 5> kSpecs = {{
    {"minute", "a minute", "minutes go from 0 to 59", 0, 59, nullptr},
    {"hour", "an hour", "hours go from 0 to 23", 0, 23, nullptr},
    {"day-of-month", "a day of the month", "days of the month go from 1 to 31", 1, 31, nullptr},
    {"month", "a month", "months go from 1 to 12 (or JAN to DEC)", 1, 12, kMonthNames},
    {"weekday", "a weekday", "weekdays go from 0 to 7 (0 and 7 are Sunday) or SUN to SAT", 0, 7,
     kDayNames},
}};

const FieldSpec& SpecOf(CronFieldKind kind) { return kSpecs[static_cast<size_t>(kind)]; }

std::string Quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

core::Result<unsigned> ParseValue(std::string_view token, const FieldSpec& spec,
                                  std::string_view schedule) {
  if (AllDigits(token)) {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec == std::errc() && end == token.data() + token.size() && value >= spec.min &&
        value <= spec.max) {
      return value;
    }
    return core::InvalidInput("The schedule " + Quote(schedule) + " has " + spec.unit + " of " +
                              std::string(token) + ": " + spec.range + ".");
  }
  if (spec.names != nullptr) {
    for (unsigned value = spec.min; value <= spec.max; ++value) {
      if (core::EqualsIgnoreCase(token, spec.names[value - spec.min])) return value;
    }
  }
  return core::InvalidInput("The schedule " + Quote(schedule) + " has " + Quote(token) + " in the " +
                            spec.field + " field, which is not " + spec.unit + ": " + spec.range +
                            ".");
}

core::Result<unsigned> ParseStep(std::string_view token, const FieldSpec& spec,
                                 std::string_view schedule) {
  const unsigned span = spec.max - spec.min + (spec.names == kDayNames ? 0 : 1);
  unsigned step = 0;
  if (AllDigits(token)) {
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), step);
    if (ec == std::errc() && end == token.data() + token.size() && step >= 1 && step <= span) return step;
  }
  return core::InvalidInput("The schedule " + Quote(schedule) + " has a step of " + Quote(token) +
                            " in the " + spec.field + " field: use a whole number from 1 to " +
                            std::to_string(span) + ".");
}

// One comma-separated item: "*", "n", "a-b", each optionally followed by "/step"; "n/step"
// means n up to the end of the range, as cronie reads it.
core::Result<void> AddItem(std::string_view item, const FieldSpec& spec, std::string_view schedule,
                           CronField& field) {
  const size_t slash = item.find('/');
  const std::string_view base = item.substr(0, slash);
  unsigned step = 1;
  if (slash != std::string_view::npos) {
    auto parsed = ParseStep(item.substr(slash + 1), spec, schedule);
    if (!parsed) return std::move(parsed).error();
    step = *parsed;
  }
  unsigned low = spec.min;
  unsigned high = spec.names == kDayNames ? 6 : spec.max;  // "*" in weekdays is 0-6, Sunday once
  if (base != "*") {
    const size_t dash = base.find('-');
    auto first = ParseValue(base.substr(0, dash), spec, schedule);
    if (!first) return std::move(first).error();
    low = *first;
    high = slash == std::string_view::npos ? low : spec.max;
    if (dash != std::string_view::npos) {
      auto last = ParseValue(base.substr(dash + 1), spec, schedule);
      if (!last) return std::move(last).error();
      high = *last;
      if (low > high) {
        return core::InvalidInput("The schedule " + Quote(schedule) + " has the " + spec.field +
                                  " range " + Quote(base) +
                                  ", which runs backwards: write the smaller value first.");
      }
    }
  }
  for (unsigned value = low; value <= high; value += step) {
    field.bits |= std::uint64_t{1} << (spec.names == kDayNames && value == 7 ? 0 : value);
  }
  return {};
}

}  // namespace

bool CronField::IsFull(CronFieldKind kind) const {
  const FieldSpec& spec = SpecOf(kind);
  const unsigned high = kind == CronFieldKind::kDayOfWeek ? 6 : spec.max;
  for (unsigned value = spec.min; value <= high; ++value) {
    if (!Has(value)) return false;
  }
  return true;
}

core::Result<CronField> ParseCronField(std::string_view text, CronFieldKind kind,
                                       std::string_view schedule) {
  const FieldSpec& spec = SpecOf(kind);
  CronField field;
  field.star = !text.empty() && text.front() == '*';
  for (const std::string& item : core::Split(text, ',')) {
    if (item.empty()) {
      return core::InvalidInput("The schedule " + Quote(schedule) + " has an empty entry in the " +
                                spec.field + " field: remove the extra comma.");
    }
    XLSYNC_RETURN_IF_ERROR(AddItem(item, spec, schedule, field));
  }
  return field;
}

}  // namespace xlsync::scheduler

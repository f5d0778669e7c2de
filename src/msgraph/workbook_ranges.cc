// Workbook: structural range calls (insert, delete) and formatting (msgraph.md §6.4, §6.8).
#include <spdlog/spdlog.h>

#include <chrono>

#include "msgraph/json_fields.h"
#include "msgraph/workbook.h"
#include "msgraph/workbook_paths.h"

namespace xlsync::msgraph {
namespace {

// An insert or delete that times out may still be applied: it is repeated at most this many
// times, each time only after a re-read showed the previous attempt did not apply.
constexpr int kStructuralAttempts = 3;

// A failure that leaves unknown whether the call was applied: a timeout, a reset after the
// request went out, a 5xx or a session lost mid-call (§4.2, §6.2). A 429 was already replayed by
// the retry loop (it proves nothing happened) and a 4xx is a refusal.
bool MayHaveApplied(const core::Error& error) {
  return error.code == core::ErrorCode::kUnavailable || error.code == core::ErrorCode::kTimeout;
}

std::string ShiftName(InsertShift shift) { return shift == InsertShift::kDown ? "Down" : "Right"; }
std::string ShiftName(DeleteShift shift) { return shift == DeleteShift::kUp ? "Up" : "Left"; }

}  // namespace

core::Result<nlohmann::json> Workbook::SendStructural(http::Method method,
                                                      const std::string& relative,
                                                      const std::string& body,
                                                      std::string_view what,
                                                      const AppliedCheck& applied) {
  http::BackoffPolicy backoff(std::chrono::seconds(2), std::chrono::seconds(30));
  for (int attempt = 1;; ++attempt) {
    auto reply = SendJson(method, relative, body, http::Idempotency::kNonIdempotent, what);
    if (reply || !applied || !MayHaveApplied(reply.error()) || attempt == kStructuralAttempts) {
      return reply;
    }
    // §6.4/§6.7: never a blind replay; the workbook itself says whether the call happened.
    auto done = applied();
    if (!done) {
      spdlog::warn("{}: could not tell whether it was applied: {}", what, done.error().message);
      if (done.error().code == core::ErrorCode::kConflict) return std::move(done).error();
      return reply;
    }
    if (*done) {
      spdlog::info("{}: applied although Excel did not confirm it ({})", what,
                   reply.error().upstream);
      return nlohmann::json::object();
    }
    spdlog::warn("{}: not applied ({}), trying again", what, reply.error().upstream);
    if (!sleeper_.SleepFor(backoff.NextDelay())) {
      return core::Cancelled("The run was stopped while waiting to retry " + std::string(what) +
                             ".");
    }
  }
}

core::Result<void> Workbook::InsertRange(const Worksheet& sheet, const std::string& address,
                                         InsertShift shift, const AppliedCheck& applied) {
  const std::string body = DumpJson(nlohmann::json{{"shift", ShiftName(shift)}});
  auto reply = SendStructural(http::Method::kPost, RangePath(sheet, address) + "/insert", body,
                              "inserting cells at " + address + " on " + OnSheet(sheet), applied);
  if (!reply) return std::move(reply).error();
  return {};
}

core::Result<void> Workbook::DeleteRange(const Worksheet& sheet, const std::string& address,
                                         DeleteShift shift, const AppliedCheck& applied) {
  const std::string body = DumpJson(nlohmann::json{{"shift", ShiftName(shift)}});
  auto reply = SendStructural(http::Method::kPost, RangePath(sheet, address) + "/delete", body,
                              "deleting the cells " + address + " on " + OnSheet(sheet), applied);
  if (!reply) return std::move(reply).error();
  return {};
}

core::Result<void> Workbook::SetBold(const Worksheet& sheet, const std::string& address) {
  // Setting the same font again changes nothing, so a replay is harmless.
  auto reply =
      SendJson(http::Method::kPatch, RangePath(sheet, address) + "/format/font", R"({"bold":true})",
               http::Idempotency::kIdempotent, "making " + address + " bold on " + OnSheet(sheet));
  if (!reply) return std::move(reply).error();
  return {};
}

core::Result<void> Workbook::AutofitColumns(const Worksheet& sheet, const std::string& address) {
  // Widths follow the content each time (§6.8): a replay gives the same widths.
  auto reply = SendJson(http::Method::kPost, RangePath(sheet, address) + "/format/autofitColumns",
                        "", http::Idempotency::kIdempotent,
                        "fitting the widths of " + address + " on " + OnSheet(sheet));
  if (!reply) return std::move(reply).error();
  return {};
}

}  // namespace xlsync::msgraph

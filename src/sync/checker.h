#pragma once

#include <functional>
#include <string>

#include "core/clock.h"
#include "core/sleeper.h"
#include "http/client.h"
#include "sync/exporter.h"

namespace xlsync::sync {

/// One rehearsed step of a run and what it found (a drive ID, a version, a count).
struct CheckStep {
  std::string name;
  bool ok = false;
  std::string detail;  // on success what was found; on failure the error for the user
};

/// Rehearses what a run will do, step by step, and stops at the first step that fails:
/// Microsoft (token, drive, workbook, session, worksheet, a harmless test write and its
/// removal), then Odoo (reachable, version, login, the task's model and fields). Steps that
/// need a workbook or a model are skipped when the task names none.
class Checker {
 public:
  Checker(http::Client& http, core::Sleeper& sleeper, const core::Clock& clock);
  core::Result<void> Run(const ExportRequest& request, const std::function<void(const CheckStep&)>& on_step);

 private:
  core::Result<void> CheckMicrosoft(const ExportRequest& request, const std::function<void(const CheckStep&)>& on_step);
  core::Result<void> CheckOdoo(const ExportRequest& request, const std::function<void(const CheckStep&)>& on_step);

  http::Client& http_;
  core::Sleeper& sleeper_;
  const core::Clock& clock_;
};

}  // namespace xlsync::sync

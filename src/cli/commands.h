#pragma once

#include <string>

#include "core/result.h"
#include "sync/export_task.h"

namespace xlsync::cli {

/// Exit codes: 0 success, 1 the run or check failed, 2 the command line, configuration or task
/// is wrong (nothing was contacted).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

/// Task settings given as flags; each one set overrides the task file's value.
struct TaskFlags {
  std::string task_file;
  std::string model;
  std::string fields;  // comma-separated
  std::string domain;  // JSON
  std::string order;
  int page_size = 0;
  std::string workbook;
  std::string sheet;
  std::string lang;
  std::string time_zone;
  bool include_archived = false;
  bool x2many_as_ids = false;
  bool binary_placeholder = false;
  bool allow_formulas = false;
  bool row_links = false;
  bool rollover = false;
  std::string burst_by;
  std::string burst_workbook;
};

struct CommonOptions {
  std::string config_file;      // --config
  std::string progress = "auto";  // auto | bar | lines | none
  std::string data_dir;         // --data-dir: where the service keeps its store (store_access.h)
};

core::Result<sync::ExportTask> BuildTask(const TaskFlags& flags);
/// Applies the flags that are set (all but task_file) over `task`.
core::Result<void> OverrideTask(const TaskFlags& flags, sync::ExportTask& task);

int RunExport(const CommonOptions& common, const TaskFlags& flags, const std::string& local_xlsx, bool verify);
int RunCheck(const CommonOptions& common, const TaskFlags& flags);

}  // namespace xlsync::cli

#pragma once

#include <cstddef>
#include <string>

#include "cli/commands.h"
#include "cli/config.h"
#include "core/result.h"
#include "core/sleeper.h"
#include "excel/graph_chunk_encoder.h"
#include "http/client.h"
#include "odoo/settings.h"
#include "sync/export_task.h"

namespace xlsync::cli {

/// The most rows `xlsync preview --rows` shows.
inline constexpr int kMaxPreviewRows = 1'000;

struct PreviewOptions {
  int rows = 20;
  size_t width = 120;  // terminal columns
  excel::ChunkBudget budget;
};

/// Reads the first rows of a task from Odoo only (no Microsoft settings needed) and lays them out
/// as Excel would show them (excel::DisplayText) in a table that fits `width`, followed by a
/// line saying how many records the filter matches and the forecast of a full export.
core::Result<std::string> RenderPreview(http::Client& http, core::Sleeper& sleeper, const odoo::Settings& odoo,
                                        const sync::ExportTask& task, const PreviewOptions& options);

/// The terminal's width: $COLUMNS when it holds a sensible number, else 120.
size_t TerminalWidth(const EnvironmentLookup& env);

/// `xlsync preview`: the task from flags or --task, `rows` of it (1 to kMaxPreviewRows).
int RunPreview(const CommonOptions& common, const TaskFlags& flags, int rows);

}  // namespace xlsync::cli

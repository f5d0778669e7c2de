#pragma once

#include <string>

#include "cli/admin_commands.h"
#include "store/store.h"

namespace xlsync::cli {

/// One function per admin command, each returning the exit code; RunAdminCommand picks one.
int RunConnectionAdd(store::Store& store, const ConnectionFlags& flags, bool odoo, const EnvironmentLookup& env);
int RunConnectionEdit(store::Store& store, const ConnectionFlags& flags, const EnvironmentLookup& env);
int RunConnectionList(store::Store& store);
int RunConnectionVerify(store::Store& store, const std::string& name);
int RunConnectionRemove(store::Store& store, const std::string& name);

int RunTaskAdd(store::Store& store, const TaskCommandFlags& flags);
int RunTaskEdit(store::Store& store, const TaskCommandFlags& flags);
int RunTaskList(store::Store& store);
int RunTaskShow(store::Store& store, const std::string& name);
int RunTaskRemove(store::Store& store, const std::string& name);

int RunRuns(store::Store& store, const std::string& task, int limit);
int RunLogs(store::Store& store, int64_t run_id);
int RunAudit(store::Store& store, int limit);
int RunApply(store::Store& store, const std::string& file, const EnvironmentLookup& env);
int RunDump(store::Store& store);

}  // namespace xlsync::cli

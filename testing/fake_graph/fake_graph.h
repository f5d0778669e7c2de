#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "testing/fake_graph/fake_graph_options.h"
#include "testing/fake_graph/fault_spec.h"
#include "testing/fake_graph/request_log.h"
#include "testing/fake_graph/sheet_snapshot.h"

namespace xlsync::fakes {

/// The ids SeedDemo() created, printed by xlsync-fake-graph as key=value lines.
struct DemoIds {
  std::string tenant_id;
  std::string tenant_domain;
  std::string client_id;
  std::string client_secret;
  std::string user_upn;
  std::string drive_id;
  std::string item_id;
  std::string workbook_path;
  std::string sheet_name;
  std::string share_url;
};

/// One workbook the fake holds.
struct WorkbookInfo {
  std::string drive_id;
  std::string item_id;
  std::string path;
};

/// A local Microsoft identity platform token endpoint plus Microsoft Graph drive and Excel
/// workbook APIs, strict about statuses, error bodies and headers (msgraph.md §2, §3, §5, §6,
/// §10), with faults and latency on demand. One HTTP server on 127.0.0.1 serves both
/// "POST /{tenant}/oauth2/v2.0/token" and "/v1.0/...", so url() is both the authority host and
/// the Graph base URL. Thread-safe; setup calls abort on misuse (unknown tenant, taken path).
class FakeGraph {
 public:
  explicit FakeGraph(FakeGraphOptions options = {});
  ~FakeGraph();
  FakeGraph(const FakeGraph&) = delete;
  FakeGraph& operator=(const FakeGraph&) = delete;

  core::Result<void> Start();
  void Stop();
  int port() const;
  std::string url() const;  // "http://127.0.0.1:PORT"

  // Setup. `tenant` is a tenant GUID or one of its domains.
  void AddTenant(const std::string& guid, const std::vector<std::string>& domains);
  void AddApp(const std::string& tenant, const std::string& client_id, const std::string& secret,
              AppAccess access = {}, bool secret_expired = false);
  /// Returns the user's drive id ("b!..."), or "" when `has_drive` is false.
  std::string AddUser(const std::string& tenant, const std::string& upn, bool has_drive = true);
  /// Paths look like "/Reports/Sales.xlsx"; missing folders are created. Return item ids.
  std::string AddWorkbook(const std::string& drive_id, const std::string& path,
                          const std::vector<std::string>& sheet_names = {"Sheet1"});
  std::string AddFolder(const std::string& drive_id, const std::string& path);
  /// A file the Excel API cannot open (e.g. "/Old/Report.xls").
  std::string AddFile(const std::string& drive_id, const std::string& path);
  void AddShareLink(const std::string& url, const std::string& drive_id,
                    const std::string& item_id);
  /// contoso.onmicrosoft.com, its app, analyst@contoso.onmicrosoft.com's drive,
  /// "/Reports/Odoo Export.xlsx" with "Sheet1", and a share link to it.
  DemoIds SeedDemo();

  // Behaviour, changeable while running.
  void SetTokenLifetime(std::chrono::seconds lifetime);
  void SetSessionIdleTimeout(std::chrono::milliseconds timeout);
  void SetAsyncCreateSession(bool async);
  void SetMaxCellsPerRequest(std::size_t cells);
  void SetMaxRequestBytes(std::size_t bytes);
  void SetMaxResponseBytes(std::size_t bytes);
  void SetLatency(std::chrono::milliseconds per_call, std::chrono::microseconds per_kib);

  // Faults (also through POST /__fake__/faults, see README.md).
  core::Result<void> InjectFault(FaultSpec fault);
  void ClearFaults();
  bool KillSession(const std::string& session_id);
  void KillAllSessions();
  void ExpireAllTokens();
  /// Clears faults, log, counters, sessions and tokens, and blanks every workbook back to the
  /// sheets it was added with.
  void Reset();

  // Read-back.
  std::optional<SheetSnapshot> Sheet(const std::string& drive_id, const std::string& item_id,
                                     const std::string& sheet_name,
                                     std::size_t max_rows = static_cast<std::size_t>(-1)) const;
  std::vector<std::string> SheetNames(const std::string& drive_id,
                                      const std::string& item_id) const;
  std::vector<WorkbookInfo> Workbooks() const;
  std::vector<std::string> SessionIds() const;
  std::vector<LoggedRequest> RequestLog() const;
  RequestCounters Counters() const;
  core::Result<void> SaveXlsx(const std::string& drive_id, const std::string& item_id,
                              const std::string& path) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace xlsync::fakes

// `xlsync serve` against the fakes: runs from the queue and from schedules, survives SIGKILL and
// SIGTERM mid-export (the run continues from its checkpoint and the sheet ends equal to the
// source), answers /healthz and /readyz, and keeps no secret in clear in its database.
#include <signal.h>

#include <fstream>
#include <iterator>
#include <thread>

#include "http/client.h"
#include "store/master_key.h"
#include "store/sqlite_store.h"
#include "sync/export_task.h"
#include "tests/integration/export_world.h"

namespace xlsync::fakes {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr char kOdooKey[] = "0123456789abcdef0123456789abcdef01234567";

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), {});
}

class ServiceTest : public ExportWorld {
 protected:
  void Open() {
    env_ = {{"XLSYNC_DATA_DIR", (dir_ / "data").string()},
            {"XLSYNC_MASTER_KEY_FILE", (dir_ / "keys" / "master.key").string()}};
    auto key = store::LoadMasterKey(std::nullopt, env_["XLSYNC_MASTER_KEY_FILE"]);
    ASSERT_TRUE(key) << key.error().message;
    std::filesystem::create_directories(dir_ / "data");
    auto opened = store::SqliteStore::Open((dir_ / "data" / "xlsync.db").string(), key->box);
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }

  /// Stores both connections and a task exporting `fields` of res.partner; returns the task id.
  int64_t AddTask(const std::string& sheet) {
    store::OdooConnection odoo;
    odoo.name = "odoo";
    odoo.url = odoo_->url();
    odoo.database = "demo";
    odoo.login = "admin";
    auto odoo_id = store_->CreateOdooConnection(odoo);
    EXPECT_TRUE(odoo_id);
    EXPECT_TRUE(store_->SetOdooSecret(*odoo_id, core::Secret(kOdooKey)));
    store::MicrosoftConnection microsoft;
    microsoft.name = "m365";
    microsoft.tenant_id = ids_.tenant_id;
    microsoft.client_id = ids_.client_id;
    microsoft.user_upn = ids_.user_upn;
    microsoft.authority_host = graph_->url();
    microsoft.graph_url = graph_->url();
    auto microsoft_id = store_->CreateMicrosoftConnection(microsoft);
    EXPECT_TRUE(microsoft_id);
    EXPECT_TRUE(store_->SetMicrosoftSecret(*microsoft_id, core::Secret(ids_.client_secret)));
    sync::ExportTask spec;
    spec.model = "res.partner";
    spec.fields = fields_;
    spec.workbook = ids_.item_id;
    spec.sheet = sheet;
    store::Task task;
    task.name = "partners";
    task.odoo_connection_id = *odoo_id;
    task.microsoft_connection_id = *microsoft_id;
    task.spec_toml = sync::FormatTaskToml(spec);
    task.workbook_key = std::to_string(*microsoft_id) + "|" + spec.workbook;
    auto task_id = store_->CreateTask(task);
    EXPECT_TRUE(task_id) << task_id.error().message;
    return *task_id;
  }

  int64_t Enqueue(int64_t task_id) {
    store::Run run;
    run.task_id = task_id;
    run.trigger = "manual";
    run.started_by = "test";
    auto queued = store_->EnqueueRun(run);
    EXPECT_TRUE(queued);
    return queued->run_id;
  }

  std::unique_ptr<XlsyncProcess> Serve(const std::string& name) {
    return std::make_unique<XlsyncProcess>(
        std::vector<std::string>{"serve", "--listen", "127.0.0.1:0", "--no-demo", "--log-level", "info"},
        dir_.string(), env_, name);
  }

  /// Waits until `done` holds for the run, or fails after `limit`.
  store::Run WaitForRun(int64_t run_id, const std::function<bool(const store::Run&)>& done, seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (true) {
      auto run = store_->GetRun(run_id);
      if (run && done(*run)) return *run;
      if (std::chrono::steady_clock::now() > deadline) {
        ADD_FAILURE() << "run " << run_id << " did not get there in time; status " << (run ? run->status : "?");
        return run ? *run : store::Run{};
      }
      std::this_thread::sleep_for(milliseconds(25));
    }
  }

  int64_t CheckpointRows(int64_t run_id) {
    auto checkpoint = store_->LoadCheckpoint(run_id);
    return checkpoint && checkpoint->has_value() ? (*checkpoint)->rows : 0;
  }

  void WaitForCheckpoint(int64_t run_id, int64_t rows, seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (CheckpointRows(run_id) < rows && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(milliseconds(10));
    }
    ASSERT_GE(CheckpointRows(run_id), rows);
  }

  std::string RunLog(int64_t run_id) {
    std::string text;
    if (auto lines = store_->RunLog(run_id)) {
      for (const auto& line : *lines) text += line.level + " " + line.message + "\n";
    }
    return text;
  }

  std::map<std::string, std::string> env_;
  std::unique_ptr<store::Store> store_;
  std::vector<std::string> fields_{"name", "email", "city", "credit_limit", "is_company"};
};

TEST_F(ServiceTest, SigkillMidExportThenRestartEndsWithTheSheetEqualToTheSource) {
  Start({{"res.partner", 100'000}});
  graph_->SetLatency(milliseconds(60), std::chrono::microseconds(0));
  Open();
  const int64_t run_id = Enqueue(AddTask("Partners"));
  auto first = Serve("first");
  WaitForCheckpoint(run_id, 20'000, seconds(300));
  first->Signal(SIGKILL);
  ASSERT_EQ(first->Wait(seconds(10)), 128 + SIGKILL);
  const int64_t kept = CheckpointRows(run_id);
  ASSERT_LT(kept, 100'000) << "the run ended before the kill; the test proves nothing";
  ASSERT_EQ(store_->GetRun(run_id)->status, "running");  // as the killed process left it
  const size_t patches_before = GraphRequests("range", "PATCH");

  graph_->SetLatency(milliseconds(0), std::chrono::microseconds(0));
  auto second = Serve("second");
  const store::Run done = WaitForRun(run_id, [](const store::Run& run) { return run.status != "running" && run.status != "queued"; }, seconds(600));
  ASSERT_EQ(done.status, "succeeded") << done.error_message << "\n" << RunLog(run_id) << second->Output();
  EXPECT_EQ(done.rows_written, static_cast<int64_t>(odoo_->SearchRead("res.partner", nlohmann::json::array(), nlohmann::json::array({"id"})).size()));
  EXPECT_NE(RunLog(run_id).find("continuing from the checkpoint after row " + std::to_string(kept)), std::string::npos)
      << RunLog(run_id);
  // Only the rows after the checkpoint were written again: 4,000 rows a chunk (20,000 cells),
  // a few cut shorter by the 2 MB byte budget; a restart from scratch would need more.
  const int64_t remaining = done.rows_written - kept;
  const auto patches_after = static_cast<int64_t>(GraphRequests("range", "PATCH") - patches_before);
  EXPECT_LE(patches_after, (remaining + 3'999) / 4'000 + 3);
  EXPECT_LT(patches_after, (done.rows_written + 3'999) / 4'000);
  ExpectSheetEqualsSource("res.partner", fields_, "Partners");
  second->Signal(SIGTERM);
  EXPECT_EQ(second->Wait(seconds(60)), 0) << second->Output();
}

TEST_F(ServiceTest, SigtermStopsAfterTheChunkInFlightAndTheNextStartFinishesTheRun) {
  Start({{"res.partner", 30'000}});
  graph_->SetLatency(milliseconds(250), std::chrono::microseconds(0));
  Open();
  const int64_t run_id = Enqueue(AddTask("Partners"));
  auto first = Serve("first");
  WaitForCheckpoint(run_id, 4'000, seconds(300));
  first->Signal(SIGTERM);
  ASSERT_EQ(first->Wait(seconds(60)), 0) << first->Output();
  const store::Run stopped = *store_->GetRun(run_id);
  EXPECT_EQ(stopped.status, "interrupted");
  EXPECT_GE(CheckpointRows(run_id), 4'000);
  EXPECT_NE(first->Output().find("unfinished runs continue from their checkpoints"), std::string::npos);

  graph_->SetLatency(milliseconds(0), std::chrono::microseconds(0));
  auto second = Serve("second");
  const store::Run done = WaitForRun(run_id, [](const store::Run& run) { return run.status == "succeeded" || run.status == "failed"; }, seconds(300));
  ASSERT_EQ(done.status, "succeeded") << done.error_message << "\n" << RunLog(run_id);
  ExpectSheetEqualsSource("res.partner", fields_, "Partners");
}

TEST_F(ServiceTest, ScheduleMissedWhileStoppedRunsOnceAtStartAndHealthEndpointsAnswer) {
  Start({{"res.partner", 500}});
  Open();
  const int64_t task_id = AddTask("Scheduled");
  store::Schedule schedule;
  schedule.task_id = task_id;
  schedule.kind = "cron";
  schedule.expression = "0 7 * * *";
  schedule.time_zone = "Europe/Brussels";
  schedule.next_run_at = std::chrono::system_clock::now() - std::chrono::hours(49);  // missed three times
  ASSERT_TRUE(store_->CreateSchedule(schedule));
  auto service = Serve("service");
  std::string port;
  for (int i = 0; i < 500 && port.empty(); ++i) {
    const std::string out = service->Output();
    if (auto at = out.find("listening on http://127.0.0.1:"); at != std::string::npos) {
      const auto end = out.find(' ', at + 30);
      if (end != std::string::npos) port = out.substr(at + 30, end - at - 30);
    }
    std::this_thread::sleep_for(milliseconds(20));
  }
  ASSERT_FALSE(port.empty()) << service->Output();
  auto http = http::MakeCurlClient({});
  http::Request probe;
  probe.url = "http://127.0.0.1:" + port + "/healthz";
  auto health = http->Send(probe);
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  probe.url = "http://127.0.0.1:" + port + "/readyz";
  auto ready = http->Send(probe);
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  EXPECT_EQ(ready->body, R"({"scheduler":"running","status":"ready","store":"ok"})");

  store::RunFilter filter;
  filter.task_id = task_id;
  std::vector<store::Run> runs;
  for (int i = 0; i < 3000; ++i) {
    runs = *store_->ListRuns(filter);
    if (!runs.empty() && runs.front().status == "succeeded") break;
    std::this_thread::sleep_for(milliseconds(20));
  }
  ASSERT_EQ(runs.size(), 1u) << "three missed times run once, not three times";
  EXPECT_EQ(runs.front().status, "succeeded") << RunLog(runs.front().id);
  EXPECT_EQ(runs.front().trigger, "schedule");
  EXPECT_NE(RunLog(runs.front().id).find("sheet = source"), std::string::npos);
  auto schedules = store_->ListSchedules(task_id);
  ASSERT_TRUE(schedules);
  ASSERT_TRUE(schedules->front().next_run_at.has_value());
  EXPECT_GT(*schedules->front().next_run_at, std::chrono::system_clock::now());
  ExpectSheetEqualsSource("res.partner", fields_, "Scheduled");
  service->Signal(SIGTERM);
  EXPECT_EQ(service->Wait(seconds(60)), 0);

  // Nothing secret in clear in the database files or in what the service printed.
  std::string bytes;
  for (const char* suffix : {"", "-wal", "-shm"}) bytes += ReadBytes(dir_ / "data" / (std::string("xlsync.db") + suffix));
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(bytes.find(kOdooKey), std::string::npos);
  EXPECT_EQ(bytes.find(ids_.client_secret), std::string::npos);
  EXPECT_EQ(service->Output().find(ids_.client_secret), std::string::npos);
  EXPECT_EQ(service->Output().find(kOdooKey), std::string::npos);
}

TEST_F(ServiceTest, OnAFreshStoreServeSetsUpTheDemoAndItsFirstRunSucceeds) {
  Start({{"res.partner", 10}});
  Open();
  std::vector<std::string> args{"serve", "--listen", "127.0.0.1:0"};
  XlsyncProcess service(args, dir_.string(), env_, "demo");
  const store::Run run = WaitForRun(1, [](const store::Run& r) { return r.status == "succeeded" || r.status == "failed"; },
                                    seconds(300));
  EXPECT_EQ(run.status, "succeeded") << run.error_message << "\n" << service.Output();
  EXPECT_EQ(run.task_name, "demo-sales-orders");
  EXPECT_EQ(run.rows_written, 2'000);
  EXPECT_NE(service.Output().find("Nothing is configured yet, so xlsync serve set up its demo"), std::string::npos);
  EXPECT_TRUE(store_->FindOdooConnection("demo-odoo"));
  EXPECT_TRUE(store_->FindMicrosoftConnection("demo-microsoft"));
  auto schedules = store_->ListSchedules(run.task_id);
  ASSERT_TRUE(schedules);
  ASSERT_EQ(schedules->size(), 1u);
  EXPECT_EQ(schedules->front().expression, "*/15 * * * *");
  service.Signal(SIGTERM);
  EXPECT_EQ(service.Wait(seconds(60)), 0) << service.Output();
}

}  // namespace
}  // namespace xlsync::fakes

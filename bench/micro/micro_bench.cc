// The stage micro-benchmarks of issue 7: xlsync's CPU per cell on the data path (decode Odoo's
// JSON, convert to cells, encode Graph's JSON, prove by read-back), one sale.order page of
// 1,000 records per iteration, for 10 and 30 columns. Items processed are cells, so
// ns per cell = 1e9 / items_per_second (also the cpu_per_cell counter, in seconds).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>
#include <optional>

#include "bench/micro/page_stages.h"

namespace xlsync::bench {
namespace {

int& Failures() {
  static int failures = 0;
  return failures;
}

void Fail(benchmark::State& state, const core::Error& error) {
  ++Failures();
  state.SkipWithError(error.ForUser().c_str());
}

// Built on first use, so a filtered run builds only the pages it times.
PageStages* StagesFor(benchmark::State& state) {
  static std::map<int, std::unique_ptr<PageStages>> built;
  const int columns = static_cast<int>(state.range(0));
  auto& stages = built[columns];
  if (!stages) {
    auto created = PageStages::Create(columns);
    if (!created) {
      Fail(state, created.error());
      return nullptr;
    }
    stages = *std::move(created);
  }
  return stages.get();
}

void CountCells(benchmark::State& state, const PageStages& stages) {
  const auto cells = state.iterations() * stages.cells();
  state.SetItemsProcessed(cells);
  // An inverted rate counter is CPU seconds per cell (shown as "142.3ns" on the console).
  state.counters["cpu_per_cell"] = benchmark::Counter(
      static_cast<double>(cells), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// One page decoded, its reply queued outside the timing; nullopt once the stage failed.
std::optional<nlohmann::json> DecodeOnce(benchmark::State& state, PageStages& stages) {
  state.PauseTiming();
  stages.QueueOdooReply();
  state.ResumeTiming();
  auto page = stages.Decode();
  if (!page) {
    Fail(state, page.error());
    return std::nullopt;
  }
  return *std::move(page);
}

void Decode(benchmark::State& state) {
  PageStages* stages = StagesFor(state);
  if (!stages) return;
  for (auto _ : state) {
    const auto page = DecodeOnce(state, *stages);
    if (!page) return;
    benchmark::DoNotOptimize(page->size());
  }
  CountCells(state, *stages);
}

void Convert(benchmark::State& state) {
  PageStages* stages = StagesFor(state);
  if (!stages) return;
  for (auto _ : state) {
    auto rows = stages->Convert(stages->page());
    benchmark::DoNotOptimize(rows.data());
  }
  CountCells(state, *stages);
}

void Encode(benchmark::State& state) {
  PageStages* stages = StagesFor(state);
  if (!stages) return;
  for (auto _ : state) {
    auto bytes = stages->Encode(stages->rows());
    if (!bytes) return Fail(state, bytes.error());
    benchmark::DoNotOptimize(*bytes);
  }
  CountCells(state, *stages);
}

void ReadBack(benchmark::State& state) {
  PageStages* stages = StagesFor(state);
  if (!stages) return;
  for (auto _ : state) {
    if (auto proven = stages->ReadBack(stages->rows()); !proven) return Fail(state, proven.error());
  }
  CountCells(state, *stages);
}

void EndToEnd(benchmark::State& state) {
  PageStages* stages = StagesFor(state);
  if (!stages) return;
  for (auto _ : state) {
    const auto page = DecodeOnce(state, *stages);
    if (!page) return;
    const auto rows = stages->Convert(*page);
    auto bytes = stages->Encode(rows);
    if (!bytes) return Fail(state, bytes.error());
    if (auto proven = stages->ReadBack(rows); !proven) return Fail(state, proven.error());
  }
  CountCells(state, *stages);
}

BENCHMARK(Decode)->Arg(10)->Arg(30)->Unit(benchmark::kMillisecond);
BENCHMARK(Convert)->Arg(10)->Arg(30)->Unit(benchmark::kMillisecond);
BENCHMARK(Encode)->Arg(10)->Arg(30)->Unit(benchmark::kMillisecond);
BENCHMARK(ReadBack)->Arg(10)->Arg(30)->Unit(benchmark::kMillisecond);
BENCHMARK(EndToEnd)->Arg(10)->Arg(30)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace xlsync::bench

// Google Benchmark's own main, except that a stage that failed (or a filter that matched
// nothing) makes the exit status 1, so CI's smoke run and the harness notice.
int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const size_t ran = benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (ran == 0) {
    std::fprintf(stderr, "No benchmark matched --benchmark_filter.\n");
    return 1;
  }
  return xlsync::bench::Failures() == 0 ? 0 : 1;
}

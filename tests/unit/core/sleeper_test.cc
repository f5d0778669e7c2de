#include "core/sleeper.h"

#include <gtest/gtest.h>

#include <thread>

namespace xlsync::core {
namespace {

TEST(InterruptibleSleeperTest, ShutdownWakesASleeperAtOnceAndForGood) {
  InterruptibleSleeper sleeper;
  bool completed = true;
  std::thread waiter([&] { completed = sleeper.SleepFor(std::chrono::hours(1)); });
  sleeper.Shutdown();
  waiter.join();
  EXPECT_FALSE(completed);
  EXPECT_TRUE(sleeper.IsShutDown());
  EXPECT_FALSE(sleeper.SleepFor(std::chrono::hours(1)));
}

TEST(InterruptibleSleeperTest, AShortSleepCompletes) {
  InterruptibleSleeper sleeper;
  EXPECT_TRUE(sleeper.SleepFor(std::chrono::milliseconds(1)));
}

}  // namespace
}  // namespace xlsync::core

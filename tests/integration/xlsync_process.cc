#include "tests/integration/xlsync_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace xlsync::fakes {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream file(path);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

pid_t SpawnXlsync(const std::vector<std::string>& args, const std::string& directory,
                  const std::map<std::string, std::string>& env, const std::string& out_path,
                  const std::string& err_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addchdir_np(&actions, directory.c_str());

  std::vector<std::string> environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (std::strncmp(*entry, "XLSYNC_", 7) != 0) environment.emplace_back(*entry);
  }
  for (const auto& [name, value] : env) environment.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);

  std::vector<std::string> argv_storage{XLSYNC_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);

  pid_t pid = -1;
  if (posix_spawn(&pid, XLSYNC_BINARY, &actions, nullptr, argv.data(), envp.data()) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int ExitCodeOf(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

}  // namespace

ProcessResult RunXlsync(const std::vector<std::string>& args, const std::string& directory,
                        const std::map<std::string, std::string>& env) {
  const std::string out_path = directory + "/stdout.txt";
  const std::string err_path = directory + "/stderr.txt";
  ProcessResult result;
  const pid_t pid = SpawnXlsync(args, directory, env, out_path, err_path);
  if (pid > 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = ExitCodeOf(status);
  }
  result.out = ReadAll(out_path);
  result.err = ReadAll(err_path);
  return result;
}

XlsyncProcess::XlsyncProcess(const std::vector<std::string>& args, const std::string& directory,
                             const std::map<std::string, std::string>& env, const std::string& name)
    : out_path_(directory + "/" + name + ".out"), err_path_(directory + "/" + name + ".err") {
  pid_ = SpawnXlsync(args, directory, env, out_path_, err_path_);
}

XlsyncProcess::~XlsyncProcess() {
  if (pid_ > 0 && !exit_code_) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

void XlsyncProcess::Signal(int signal) {
  if (pid_ > 0 && !exit_code_) kill(pid_, signal);
}

std::optional<int> XlsyncProcess::Wait(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (pid_ > 0 && !exit_code_) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_code_ = ExitCodeOf(status);
      break;
    }
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return exit_code_;
}

std::string XlsyncProcess::Output() const { return ReadAll(out_path_) + ReadAll(err_path_); }

}  // namespace xlsync::fakes

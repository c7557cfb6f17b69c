#include "vkrl/bench/python_peer.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace vkrl::bench {

std::string python_interpreter() {
  const char* chosen = std::getenv("VKRL_PYTHON");
  return chosen && *chosen ? chosen : "/usr/bin/python3";
}

PeerOutput run_python_peer(const std::string& script, const std::string& arguments, const std::string& environment) {
  const std::string python = python_interpreter();
  if (!std::filesystem::exists(python)) return {"", python + " not found"};
  const std::string command = fmt::format("{} {} {} {} 2>&1", environment, python, script, arguments);
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return {"", "cannot run " + command};
  PeerOutput result;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;) result.output.append(buffer, n);
  if (pclose(pipe) != 0) {
    std::string text = result.output;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    result.error =
        "the Python peer failed: " + text.substr(text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1);
  }
  return result;
}

}  // namespace vkrl::bench

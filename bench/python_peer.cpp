#include "vkrl/bench/python_peer.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

namespace vkrl::bench {

namespace {
constexpr const char* kPython = "/usr/bin/python3";
}  // namespace

PeerOutput run_python_peer(const std::string& script, const std::string& arguments, const std::string& environment) {
  if (!std::filesystem::exists(kPython)) return {"", std::string(kPython) + " not found"};
  const std::string command = fmt::format("{} {} {} {} 2>&1", environment, kPython, script, arguments);
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return {"", "cannot run " + command};
  PeerOutput result;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;) result.output.append(buffer, n);
  if (pclose(pipe) != 0) {
    std::string text = result.output;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    result.error = "the Python peer failed: " + text.substr(text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1);
  }
  return result;
}

}  // namespace vkrl::bench

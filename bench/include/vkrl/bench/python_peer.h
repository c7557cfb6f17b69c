// Running a Python peer of a benchmark: Debian's interpreter (/usr/bin/python3, which sees Debian's numpy and torch,
// unlike a pyenv shim earlier on PATH), or the one named by VKRL_PYTHON (a virtual environment's torch with CUDA, say),
// on a script with arguments, collecting everything it prints. The peer's numbers are parsed by the caller; when the
// interpreter is missing or the script fails, `error` says why in one line.
#pragma once

#include <string>

namespace vkrl::bench {

struct PeerOutput {
  std::string output;  // stdout and stderr
  std::string error;   // empty when the script ran and exited 0
};

// The interpreter the peers run on: $VKRL_PYTHON if set, else /usr/bin/python3.
std::string python_interpreter();

// `environment` is prepended to the command (e.g. "OPENBLAS_NUM_THREADS=1").
PeerOutput run_python_peer(const std::string& script, const std::string& arguments,
                           const std::string& environment = "");

}  // namespace vkrl::bench

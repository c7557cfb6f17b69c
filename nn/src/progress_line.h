// ProgressLine reports a long training run: on a terminal, one line rewritten in place (at most ten times a second)
// with the epoch, samples/s, the running loss and the ETA; elsewhere (a log file, a pipe) only the finished lines.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace vkrl::nn {

class ProgressLine {
public:
  explicit ProgressLine(bool quiet);

  void start_epoch();
  // `done` of `total` samples of epoch `epoch` of `epochs`; samples/s and the ETA come from the epoch's pace.
  void update(int epoch, int epochs, size_t done, size_t total, double loss);
  void finish(const std::string& line);  // a finished line, replacing the live one
  double epoch_seconds() const;

private:
  bool quiet_, live_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point epoch_start_, last_draw_;
};

}  // namespace vkrl::nn

#include "progress_line.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace vkrl::nn {

ProgressLine::ProgressLine(bool quiet) : quiet_(quiet), live_(!quiet && ::isatty(STDOUT_FILENO)) {}

void ProgressLine::start_epoch() { epoch_start_ = last_draw_ = std::chrono::steady_clock::now(); }

double ProgressLine::epoch_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - epoch_start_).count();
}

void ProgressLine::update(int epoch, int epochs, size_t done, size_t total, double loss) {
  if (!live_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100) && done < total) return;
  last_draw_ = now;
  const double seconds = epoch_seconds(), rate = seconds > 0 ? double(done) / seconds : 0;
  const double remaining = double(total - done) + double(epochs - epoch) * double(total);
  const int eta = rate > 0 ? int(remaining / rate) : 0;
  fmt::print("\r\033[Kepoch {}/{}  {}/{}  {:.0f} samples/s  loss {:.4f}  ETA {}:{:02}", epoch, epochs, done, total,
             rate, loss, eta / 60, eta % 60);
  std::fflush(stdout);
  shown_ = true;
}

void ProgressLine::finish(const std::string& line) {
  if (quiet_) return;
  if (shown_) fmt::print("\r\033[K");
  shown_ = false;
  fmt::print("{}\n", line);
  std::fflush(stdout);
}

}  // namespace vkrl::nn

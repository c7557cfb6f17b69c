// Reading an experiment's flags as text or numbers, with a usage error that names the flag.
#include <charconv>

#include "experiments/experiment.h"
#include "vkrl/error.h"

namespace vkrl::apps {

const std::string& ExperimentOptions::text(const std::string& flag) const {
  const auto it = flags.find(flag);
  if (it == flags.end()) throw Error("experiment: flag '" + flag + "' is not declared by this experiment");
  return it->second;
}

double ExperimentOptions::number(const std::string& flag) const {
  const std::string& value = text(flag);
  double result = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), result);
  if (error != std::errc() || end != value.data() + value.size())
    throw UsageError("experiment: flag " + flag + "='" + value + "' is not a number");
  return result;
}

int ExperimentOptions::integer(const std::string& flag) const {
  const double value = number(flag);
  if (value != double(int(value))) throw UsageError("experiment: flag " + flag + "='" + text(flag) + "' is not an integer");
  return int(value);
}

}  // namespace vkrl::apps

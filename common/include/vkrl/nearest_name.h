// Suggestions for misspelt names: the valid name closest to what the user typed (edit distance), so an error can say
// "unknown key 'lerning_rate'; did you mean 'learning_rate'?" for config keys, layer types, flags and presets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vkrl {

// The valid name with the smallest edit distance to `given` if that distance is at most a third of the name's
// length (rounded up, at least 1), or "" when none is that close.
std::string nearest_name(std::string_view given, const std::vector<std::string>& valid);

// "unknown <what> '<given>'; did you mean '<nearest>'? valid: a, b, c", or "unknown <what> '<given>'; valid: a, b,
// c" when no valid name is close.
std::string unknown_name_message(std::string_view what, std::string_view given, const std::vector<std::string>& valid);

}  // namespace vkrl

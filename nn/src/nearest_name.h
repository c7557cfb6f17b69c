// The valid name nearest a misspelt one, for "did you mean" hints in error messages.
#pragma once

#include <string>
#include <vector>

namespace vkrl::nn {

// The name in `valid` with the smallest edit distance to `name` (ties: the first), or "" when even that one differs
// in more than a third of `name`'s letters (at least one), so unrelated words get no suggestion.
std::string nearest_name(const std::string& name, const std::vector<std::string>& valid);

}  // namespace vkrl::nn

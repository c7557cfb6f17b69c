// vkrl model FILE: reads a model spec (.json or .toml, nn/include/vkrl/nn/model_spec.h), builds it on the CPU and
// prints its layer table: output shapes and parameter counts. A malformed spec is one line naming the file, the key
// and the problem, and exit 1.
#include <fmt/format.h>

#include <memory>
#include <string>

#include "commands.h"
#include "vkrl/nn/model_spec.h"

namespace vkrl::apps {

void add_model_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto path = std::make_shared<std::string>();
  CLI::App& command = add_command(app, "model", "The layer table of a model spec (.json or .toml)", options,
                                  exit_code, [path, &options] {
                                    nn::Model model = nn::load_model_spec(*path);
                                    auto backend = nn::make_cpu_backend();
                                    model.build(*backend, 1, options.seed);
                                    fmt::print("{}", model.summary());
                                    return 0;
                                  });
  command.add_option("file", *path, "Model spec file")->required();
}

}  // namespace vkrl::apps

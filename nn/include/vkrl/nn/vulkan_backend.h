// The Vulkan backend and the choice of backend a command runs on. make_vulkan_backend() runs the Backend op set as
// engine kernels on a Context the caller keeps alive; make_backend() resolves `--device auto|cpu|vulkan[:N]` (see
// engine/device_request.h): `auto` takes a discrete or integrated GPU where there is one and the CPU backend
// otherwise (a software Vulkan device such as lavapipe loses to Eigen on the same cores), `vulkan` the best Vulkan
// device, lavapipe included. The Vulkan backend it makes owns its Context.
#pragma once

#include <memory>
#include <string_view>

#include "vkrl/engine/context.h"
#include "vkrl/engine/device_request.h"
#include "vkrl/nn/backend.h"

namespace vkrl::nn {

std::unique_ptr<Backend> make_vulkan_backend(engine::Context& context);

// Throws vkrl::Error when the request names a Vulkan device that is not there.
std::unique_ptr<Backend> make_backend(const engine::DeviceRequest& request, engine::ContextOptions options = {});
// Parses `device` as --device does first; a bad string throws vkrl::UsageError.
std::unique_ptr<Backend> make_backend(std::string_view device);

}  // namespace vkrl::nn

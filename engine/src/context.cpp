#include "vkrl/engine/context.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>

#include "context_impl.h"
#include "submission.h"
#include "vkrl/atomic_file.h"
#include "vkrl/engine/buffer.h"
#include "vkrl/engine/device_request.h"

namespace vkrl::engine {

namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

bool env_flag(const char* name) {
  const char* v = std::getenv(name);
  return v && std::strcmp(v, "0") != 0 && *v != '\0';
}

VKAPI_ATTR VkBool32 VKAPI_CALL on_debug_message(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                                VkDebugUtilsMessageTypeFlagsEXT,
                                                const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
  auto* impl = static_cast<Context::Impl*>(user);
  const char* level = severity >= VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT ? "error" : "warning";
  const std::string text = std::string("Vulkan validation ") + level + ": " + (data->pMessage ? data->pMessage : "");
  std::lock_guard lock(impl->message_mutex);
  impl->on_message(text);
  return VK_FALSE;
}

std::filesystem::path default_cache_dir() {
  if (const char* dir = std::getenv("VKRL_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "vkrl";
  if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "vkrl";
  return std::filesystem::temp_directory_path() / "vkrl-cache";
}

// A pipeline cache blob starts with a header naming the device it was made for (Vulkan spec, vkGetPipelineCacheData).
// A blob for another device or driver, or a damaged one, is treated as a cache miss.
std::vector<char> read_pipeline_cache(const std::filesystem::path& file, const vk::PhysicalDeviceProperties& props) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {};
  std::vector<char> blob((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  struct Header {
    uint32_t length, version, vendor, device;
    uint8_t uuid[VK_UUID_SIZE];
  } h;
  if (blob.size() < sizeof(Header)) return {};
  std::memcpy(&h, blob.data(), sizeof(h));
  if (h.length < sizeof(Header) || h.version != VK_PIPELINE_CACHE_HEADER_VERSION_ONE || h.vendor != props.vendorID ||
      h.device != props.deviceID || std::memcmp(h.uuid, props.pipelineCacheUUID.data(), VK_UUID_SIZE) != 0)
    return {};
  return blob;
}

std::string hex(const uint8_t* bytes, size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    s.push_back(digits[bytes[i] >> 4]);
    s.push_back(digits[bytes[i] & 15]);
  }
  return s;
}

std::string kernel_key(std::string_view name, const std::vector<SpecConstant>& spec) {
  std::string key(name);
  for (const auto& s : spec) {
    key.push_back(':');
    key.append(std::to_string(s.id)).push_back('=');
    key.append(std::to_string(s.value));
  }
  return key;
}

}  // namespace

Context::Context(ContextOptions options) : impl_(std::make_unique<Impl>()) {
  auto& d = *impl_;
  d.validation = options.validation.value_or(env_flag("VKRL_VALIDATE"));
  d.on_message = options.on_validation_message ? options.on_validation_message
                                               : [](std::string_view m) { std::cerr << m << "\n"; };
  try {
    const vk::ApplicationInfo app("vkrl", 1, "vkrl", 1, VK_API_VERSION_1_1);
    std::vector<const char*> layers, extensions;
    if (d.validation) {
      bool found = false;
      for (const auto& layer : vk::enumerateInstanceLayerProperties())
        found = found || std::string_view(layer.layerName.data()) == kValidationLayer;
      if (!found)
        throw Error(
            "validation asked for (VKRL_VALIDATE=1), but VK_LAYER_KHRONOS_validation is not installed "
            "(Debian: apt-get install vulkan-validationlayers)");
      layers.push_back(kValidationLayer);
      extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    }
    // Synchronization validation is off by default in the layer; the engine's automatic barriers are checked by it.
    const vk::ValidationFeatureEnableEXT enables[] = {vk::ValidationFeatureEnableEXT::eSynchronizationValidation};
    const vk::ValidationFeaturesEXT features(enables, {});
    vk::InstanceCreateInfo create({}, &app, layers, extensions);
    if (d.validation) create.pNext = &features;
    d.instance = vk::createInstanceUnique(create);
    d.dispatch = vk::DispatchLoaderDynamic(*d.instance, vkGetInstanceProcAddr);
    if (d.validation) {
      using Sev = vk::DebugUtilsMessageSeverityFlagBitsEXT;
      using Type = vk::DebugUtilsMessageTypeFlagBitsEXT;
      const vk::DebugUtilsMessengerCreateInfoEXT messenger({}, Sev::eWarning | Sev::eError,
                                                           Type::eGeneral | Type::eValidation | Type::ePerformance,
                                                           &on_debug_message, impl_.get());
      d.messenger = d.instance->createDebugUtilsMessengerEXTUnique(messenger, nullptr, d.dispatch);
    }

    const auto devices = d.instance->enumeratePhysicalDevices();
    if (devices.empty()) throw Error("no Vulkan device is present (no driver installed?)");
    if (options.device_index) {
      if (*options.device_index >= devices.size())
        throw Error("device vulkan:" + std::to_string(*options.device_index) +
                    " not found: " + std::to_string(devices.size()) + " Vulkan device(s) present");
      d.physical = devices[*options.device_index];
      d.info = describe_device(d.physical, *options.device_index);
    } else {
      std::vector<DeviceInfo> infos;
      for (uint32_t i = 0; i < devices.size(); ++i) infos.push_back(describe_device(devices[i], i));
      const DeviceInfo* best = best_device(infos);
      if (!best) throw Error("no Vulkan device has a compute queue");
      d.physical = devices[best->index];
      d.info = *best;
    }
    if (!d.info.has_compute_queue) throw Error("device " + d.info.name + " has no compute queue");
    d.map_buffers = options.map_buffers.value_or(d.info.maps_buffers_by_default());

    const auto families = d.physical.getQueueFamilyProperties();
    for (uint32_t f = 0; f < families.size(); ++f)
      if (families[f].queueFlags & vk::QueueFlagBits::eCompute) {
        d.queue_family = f;
        break;
      }
    const float priority = 1.0f;
    const vk::DeviceQueueCreateInfo queue({}, d.queue_family, 1, &priority);
    d.device = d.physical.createDeviceUnique(vk::DeviceCreateInfo({}, queue));
    d.queue = d.device->getQueue(d.queue_family, 0);
    d.command_pool =
        d.device->createCommandPoolUnique({vk::CommandPoolCreateFlagBits::eResetCommandBuffer, d.queue_family});

    const auto props = d.physical.getProperties();
    d.pipeline_cache_file = options.pipeline_cache_dir.value_or(default_cache_dir()) /
                            ("pipelines-" + hex(props.pipelineCacheUUID.data(), VK_UUID_SIZE) + ".bin");
    const auto blob = read_pipeline_cache(d.pipeline_cache_file, props);
    d.pipeline_cache_loaded_bytes = blob.size();
    d.pipeline_cache = d.device->createPipelineCacheUnique({{}, blob.size(), blob.data()});
  } catch (const vk::SystemError& e) {
    rethrow_vk("creating the context", e);
  }
}

Context::~Context() {
  try {
    if (impl_->device) impl_->device->waitIdle();
    save_pipeline_cache();
  } catch (...) {
    // A cache that cannot be written is only a slower start next time; never fail a destructor for it.
  }
  impl_->kernels.clear();
  impl_->staging.reset();
}

const DeviceInfo& Context::device() const { return impl_->info; }
bool Context::validation_enabled() const { return impl_->validation; }
bool Context::maps_buffers() const { return impl_->map_buffers; }
std::filesystem::path Context::pipeline_cache_path() const { return impl_->pipeline_cache_file; }

Kernel& Context::kernel(std::string_view name, const std::vector<SpecConstant>& spec) {
  const std::string key = kernel_key(name, spec);
  auto it = impl_->kernels.find(key);
  if (it == impl_->kernels.end())
    it = impl_->kernels.emplace(key, std::make_unique<Kernel>(*this, std::string(name), spec)).first;
  return *it->second;
}

void Context::save_pipeline_cache() {
  auto& d = *impl_;
  const auto data = d.device->getPipelineCacheData(*d.pipeline_cache);
  if (data.size() == d.pipeline_cache_loaded_bytes) return;  // nothing new was compiled
  // Written to a temporary file and renamed, so a killed process never leaves half a cache behind.
  std::filesystem::create_directories(d.pipeline_cache_file.parent_path());
  write_file_atomically(d.pipeline_cache_file, std::span<const uint8_t>(data.data(), data.size()));
  d.pipeline_cache_loaded_bytes = data.size();
}

uint32_t Context::Impl::memory_type(uint32_t allowed_bits, bool host_access) const {
  const auto memory = physical.getMemoryProperties();
  using F = vk::MemoryPropertyFlagBits;
  const vk::MemoryPropertyFlags host = F::eHostVisible | F::eHostCoherent;
  const vk::MemoryPropertyFlags with_host[] = {host | F::eDeviceLocal, host};
  const vk::MemoryPropertyFlags without_host[] = {F::eDeviceLocal, {}};
  for (const auto wanted : host_access ? with_host : without_host)
    for (uint32_t t = 0; t < memory.memoryTypeCount; ++t)
      if ((allowed_bits & (1u << t)) && (memory.memoryTypes[t].propertyFlags & wanted) == wanted) return t;
  throw Error("device " + info.name + " has no usable memory type for a buffer");
}

RawBuffer& Context::Impl::staging_buffer(size_t bytes) {
  if (!staging || staging->bytes < bytes) {
    staging.reset();
    staging = std::make_unique<RawBuffer>(*this, std::max<size_t>(bytes, size_t(1) << 20), true);
  }
  return *staging;
}

void Context::Impl::run_once(const std::function<void(vk::CommandBuffer)>& record) {
  if (!once_cmd) {
    once_cmd = std::move(device->allocateCommandBuffersUnique({*command_pool, vk::CommandBufferLevel::ePrimary, 1})[0]);
    once_submission = std::make_unique<Submission>(*device);
  }
  const vk::CommandBuffer cmd = *once_cmd;
  cmd.reset();
  cmd.begin(vk::CommandBufferBeginInfo(vk::CommandBufferUsageFlagBits::eOneTimeSubmit));
  cmd.pipelineBarrier(kComputeTransfer, kComputeTransfer, {}, compute_transfer_barrier(), {}, {});
  record(cmd);
  const vk::MemoryBarrier to_host(vk::AccessFlagBits::eTransferWrite | vk::AccessFlagBits::eShaderWrite,
                                  vk::AccessFlagBits::eHostRead | vk::AccessFlagBits::eShaderRead);
  cmd.pipelineBarrier(kComputeTransfer, vk::PipelineStageFlagBits::eHost | kComputeTransfer, {}, to_host, {}, {});
  cmd.end();
  once_submission->submit(queue, cmd, "a staging copy");
  once_submission->wait("a staging copy");
}

}  // namespace vkrl::engine

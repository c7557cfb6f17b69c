#include "vkrl/engine/device_info.h"

#include <algorithm>

#include "vk.h"

namespace vkrl::engine {

const char* to_string(DeviceClass c) {
  switch (c) {
    case DeviceClass::cpu: return "cpu";
    case DeviceClass::integrated_gpu: return "integrated-gpu";
    case DeviceClass::discrete_gpu: return "discrete-gpu";
    case DeviceClass::virtual_gpu: return "virtual-gpu";
    case DeviceClass::other: return "other";
  }
  return "other";
}

std::string version_string(uint32_t v) {
  return std::to_string(VK_API_VERSION_MAJOR(v)) + "." + std::to_string(VK_API_VERSION_MINOR(v)) + "." +
         std::to_string(VK_API_VERSION_PATCH(v));
}

bool DeviceInfo::host_visible_vram() const {
  uint64_t largest_vram = 0;
  for (const auto& h : heaps)
    if (h.device_local) largest_vram = std::max(largest_vram, h.bytes);
  return std::any_of(memory_types.begin(), memory_types.end(), [&](const MemoryTypeInfo& t) {
    return t.device_local && t.host_visible && t.host_coherent && t.heap < heaps.size() &&
           heaps[t.heap].bytes == largest_vram;
  });
}

bool DeviceInfo::maps_buffers_by_default() const {
  return device_class == DeviceClass::cpu || device_class == DeviceClass::integrated_gpu || host_visible_vram();
}

namespace {

DeviceClass class_of(vk::PhysicalDeviceType t) {
  switch (t) {
    case vk::PhysicalDeviceType::eCpu: return DeviceClass::cpu;
    case vk::PhysicalDeviceType::eIntegratedGpu: return DeviceClass::integrated_gpu;
    case vk::PhysicalDeviceType::eDiscreteGpu: return DeviceClass::discrete_gpu;
    case vk::PhysicalDeviceType::eVirtualGpu: return DeviceClass::virtual_gpu;
    default: return DeviceClass::other;
  }
}

// The driver-quirk table: behaviours measured on a driver that the engine adapts to, printed by `vkrl info`.
std::vector<std::string> quirks_of(vk::DriverId driver) {
  switch (driver) {
    case vk::DriverId::eMesaLlvmpipe:
      return {"software device (lavapipe): kernels run on CPU threads; GEMM uses the register-tiled variant",
              "each dispatch costs tens of microseconds even in one command buffer: fuse ops",
              "--device auto prefers the CPU (Eigen) backend over it"};
    default: return {};
  }
}

}  // namespace

DeviceInfo describe_device(vk::PhysicalDevice device, uint32_t index) {
  DeviceInfo info;
  info.index = index;
  const auto chain = device.getProperties2<vk::PhysicalDeviceProperties2, vk::PhysicalDeviceDriverProperties,
                                           vk::PhysicalDeviceSubgroupProperties>();
  const auto& props = chain.get<vk::PhysicalDeviceProperties2>().properties;
  const auto& driver = chain.get<vk::PhysicalDeviceDriverProperties>();
  info.name = props.deviceName.data();
  info.device_class = class_of(props.deviceType);
  info.vendor_id = props.vendorID;
  info.device_id = props.deviceID;
  info.api_version = version_string(props.apiVersion);
  info.driver_name = driver.driverName.data();
  info.driver_info = driver.driverInfo.data();
  info.subgroup_size = chain.get<vk::PhysicalDeviceSubgroupProperties>().subgroupSize;

  const auto& limits = props.limits;
  info.max_workgroup_invocations = limits.maxComputeWorkGroupInvocations;
  for (int i = 0; i < 3; ++i) {
    info.max_workgroup_size[i] = limits.maxComputeWorkGroupSize[i];
    info.max_workgroup_count[i] = limits.maxComputeWorkGroupCount[i];
  }
  info.max_shared_memory_bytes = limits.maxComputeSharedMemorySize;
  info.max_push_constant_bytes = limits.maxPushConstantsSize;
  info.min_storage_buffer_offset_alignment = limits.minStorageBufferOffsetAlignment;
  info.max_storage_buffer_range = limits.maxStorageBufferRange;

  const auto memory = device.getMemoryProperties();
  for (uint32_t h = 0; h < memory.memoryHeapCount; ++h)
    info.heaps.push_back(
        {memory.memoryHeaps[h].size, bool(memory.memoryHeaps[h].flags & vk::MemoryHeapFlagBits::eDeviceLocal)});
  for (uint32_t t = 0; t < memory.memoryTypeCount; ++t) {
    const auto f = memory.memoryTypes[t].propertyFlags;
    info.memory_types.push_back({memory.memoryTypes[t].heapIndex, bool(f & vk::MemoryPropertyFlagBits::eDeviceLocal),
                                 bool(f & vk::MemoryPropertyFlagBits::eHostVisible),
                                 bool(f & vk::MemoryPropertyFlagBits::eHostCoherent),
                                 bool(f & vk::MemoryPropertyFlagBits::eHostCached)});
  }
  for (const auto& q : device.getQueueFamilyProperties()) {
    if (q.queueFlags & vk::QueueFlagBits::eCompute) {
      info.has_compute_queue = true;
      info.timestamps = info.timestamps || q.timestampValidBits > 0;
    }
  }
  info.quirks = quirks_of(driver.driverID);
  return info;
}

VulkanProbe probe_vulkan() {
  VulkanProbe probe;
  try {
    probe.loader_version = version_string(vk::enumerateInstanceVersion());
    for (const auto& layer : vk::enumerateInstanceLayerProperties())
      if (std::string_view(layer.layerName.data()) == "VK_LAYER_KHRONOS_validation") probe.validation_available = true;
    const vk::ApplicationInfo app("vkrl", 1, "vkrl", 1, VK_API_VERSION_1_1);
    const vk::UniqueInstance instance = vk::createInstanceUnique(vk::InstanceCreateInfo({}, &app));
    const auto devices = instance->enumeratePhysicalDevices();
    for (uint32_t i = 0; i < devices.size(); ++i) probe.devices.push_back(describe_device(devices[i], i));
    if (devices.empty()) probe.problem = "the Vulkan loader found no device (no driver installed?)";
  } catch (const vk::IncompatibleDriverError&) {
    probe.problem = "no Vulkan driver is installed (the loader found no ICD)";
  } catch (const vk::SystemError& e) {
    probe.problem = std::string("Vulkan instance creation failed: ") + e.what();
  }
  return probe;
}

}  // namespace vkrl::engine

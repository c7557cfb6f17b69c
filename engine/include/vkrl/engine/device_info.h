// Plain facts about the Vulkan devices on this machine, gathered without creating a logical device: what `vkrl info`
// prints and what device choice and kernel selection read. probe_vulkan() never throws for a missing loader, driver or
// device; it reports the problem in VulkanProbe::problem so that callers can say it plainly and fall back to the CPU.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace vkrl::engine {

// What kind of processor runs the kernels; kernel variants are picked by this (CPU-type devices dislike shared memory).
enum class DeviceClass { cpu, integrated_gpu, discrete_gpu, virtual_gpu, other };
const char* to_string(DeviceClass c);

struct MemoryHeapInfo {
  uint64_t bytes = 0;
  bool device_local = false;
};

struct MemoryTypeInfo {
  uint32_t heap = 0;
  bool device_local = false, host_visible = false, host_coherent = false, host_cached = false;
};

struct DeviceInfo {
  uint32_t index = 0;  // position in the instance's device list: the N of --device vulkan:N
  std::string name;
  DeviceClass device_class = DeviceClass::other;
  uint32_t vendor_id = 0, device_id = 0;
  std::string driver_name, driver_info, api_version;
  std::vector<MemoryHeapInfo> heaps;
  std::vector<MemoryTypeInfo> memory_types;
  bool has_compute_queue = false;
  uint32_t max_workgroup_invocations = 0;
  std::array<uint32_t, 3> max_workgroup_size{};
  std::array<uint32_t, 3> max_workgroup_count{};
  uint32_t max_shared_memory_bytes = 0;
  uint32_t max_push_constant_bytes = 0;
  uint32_t subgroup_size = 0;
  uint64_t min_storage_buffer_offset_alignment = 0;
  uint64_t max_storage_buffer_range = 0;
  bool timestamps = false;
  std::vector<std::string> quirks;  // known driver behaviours the engine adapts to

  bool is_gpu() const { return device_class == DeviceClass::discrete_gpu || device_class == DeviceClass::integrated_gpu; }
  // Resizable BAR: the largest device-local heap is host-visible (through a device-local, host-visible, coherent
  // memory type), so buffers can live in VRAM and still be mapped.
  bool host_visible_vram() const;
  // Whether a Context maps its buffers unless told otherwise: CPU-type and integrated devices, and discrete GPUs with
  // host-visible VRAM. Mapped, a host write or read is a memcpy; staged, it is a copy on the queue and a wait.
  bool maps_buffers_by_default() const;
};

struct VulkanProbe {
  std::string problem;                 // empty when an instance could be created
  std::string loader_version;          // e.g. "1.3.239"
  bool validation_available = false;   // VK_LAYER_KHRONOS_validation is installed
  std::vector<DeviceInfo> devices;
};

VulkanProbe probe_vulkan();

}  // namespace vkrl::engine

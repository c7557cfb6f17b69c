// vkrl info: the Vulkan devices on this machine, their limits, and which backend --device picks and why. It works,
// and says so plainly, on a machine with no Vulkan driver at all.
#include <fmt/format.h>

#include <cstdlib>

#include "commands.h"
#include "vkrl/engine/device_info.h"

namespace vkrl::apps {

namespace {

std::string bytes_text(uint64_t b) {
  if (b >= (1ull << 30)) return fmt::format("{:.1f} GiB", double(b) / double(1ull << 30));
  if (b >= (1ull << 20)) return fmt::format("{:.1f} MiB", double(b) / double(1ull << 20));
  if (b >= (1ull << 10)) return fmt::format("{} KiB", b >> 10);
  return fmt::format("{} B", b);
}

std::string memory_type_text(const engine::MemoryTypeInfo& t) {
  std::string s = fmt::format("heap {}", t.heap);
  if (t.device_local) s += ", device-local";
  if (t.host_visible) s += ", host-visible";
  if (t.host_coherent) s += ", host-coherent";
  if (t.host_cached) s += ", host-cached";
  return s;
}

void print_device(const engine::DeviceInfo& d) {
  fmt::print("\nvulkan:{}  {}\n", d.index, d.name);
  fmt::print("  type             {}\n", engine::to_string(d.device_class));
  fmt::print("  driver           {} {}\n", d.driver_name, d.driver_info);
  fmt::print("  Vulkan API       {}   vendor 0x{:04x}  device 0x{:04x}\n", d.api_version, d.vendor_id, d.device_id);
  for (size_t h = 0; h < d.heaps.size(); ++h)
    fmt::print("  memory heap {}    {}{}\n", h, bytes_text(d.heaps[h].bytes),
               d.heaps[h].device_local ? ", device-local" : "");
  for (size_t t = 0; t < d.memory_types.size(); ++t)
    fmt::print("  memory type {:<4} {}\n", t, memory_type_text(d.memory_types[t]));
  fmt::print("  buffers          {}\n",
             !d.maps_buffers_by_default() ? "staged (host writes and reads are copies on the queue)"
             : d.device_class == engine::DeviceClass::discrete_gpu ? "mapped (resizable BAR: VRAM is host-visible)"
                                                                   : "mapped (the device shares host memory)");
  fmt::print("  compute queue    {}\n", d.has_compute_queue ? "yes" : "no");
  fmt::print("  workgroup        {} invocations, size {}x{}x{}, count {}x{}x{}\n", d.max_workgroup_invocations,
             d.max_workgroup_size[0], d.max_workgroup_size[1], d.max_workgroup_size[2], d.max_workgroup_count[0],
             d.max_workgroup_count[1], d.max_workgroup_count[2]);
  fmt::print("  shared memory    {}\n", bytes_text(d.max_shared_memory_bytes));
  fmt::print("  push constants   {} B\n", d.max_push_constant_bytes);
  fmt::print("  subgroup size    {}\n", d.subgroup_size);
  fmt::print("  storage buffers  offset alignment {} B, max range {}\n", d.min_storage_buffer_offset_alignment,
             bytes_text(d.max_storage_buffer_range));
  fmt::print("  timestamps       {}\n", d.timestamps ? "yes" : "no");
  for (const auto& q : d.quirks) fmt::print("  quirk            {}\n", q);
}

int run_info(const CommonOptions& options) {
  const engine::DeviceRequest request = options.device_request();
  const engine::VulkanProbe probe = engine::probe_vulkan();

  fmt::print("vkrl 0.1.0\n");
  fmt::print("Vulkan loader      {}\n", probe.loader_version.empty() ? "not found" : probe.loader_version);
  fmt::print("validation layer   {}\n", probe.validation_available
                                            ? "available (VKRL_VALIDATE=1 turns it on)"
                                            : "not installed (apt-get install vulkan-validationlayers)");
  if (!probe.problem.empty()) fmt::print("Vulkan             {}\n", probe.problem);

  fmt::print("\n{:<8} {:<36} {:<14} {:<38} {}\n", "device", "name", "type", "driver", "API");
  for (const auto& d : probe.devices)
    fmt::print("{:<8} {:<36} {:<14} {:<38} {}\n", fmt::format("vulkan:{}", d.index), d.name,
               engine::to_string(d.device_class), d.driver_name + " " + d.driver_info, d.api_version);
  if (probe.devices.empty()) fmt::print("(none: only the CPU backend is available)\n");
  for (const auto& d : probe.devices) print_device(d);

  const engine::BackendChoice choice = engine::choose_backend(request, probe);
  const engine::BackendChoice automatic = engine::choose_backend({}, probe);
  fmt::print("\n--device auto      {}   ({})\n",
             automatic.use_vulkan ? fmt::format("vulkan:{}", automatic.device_index) : "cpu", automatic.reason);
  if (request.kind != engine::DeviceRequest::Kind::automatic)
    fmt::print("--device {:<9} {}   ({})\n", request.to_string(),
               choice.use_vulkan ? fmt::format("vulkan:{}", choice.device_index) : "cpu", choice.reason);
  return 0;
}

}  // namespace

void add_info_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  add_command(app, "info", "List Vulkan devices, their limits, and the backend --device picks", options, exit_code,
              [&options] { return run_info(options); });
}

}  // namespace vkrl::apps

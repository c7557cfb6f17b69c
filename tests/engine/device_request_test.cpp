// --device parsing and the backend choice, on made-up device lists (no GPU needed).
#include "vkrl/engine/device_request.h"

#include <catch2/catch.hpp>

#include "vkrl/error.h"

using namespace vkrl::engine;

namespace {
DeviceInfo device(uint32_t index, const char* name, DeviceClass c) {
  DeviceInfo d;
  d.index = index;
  d.name = name;
  d.device_class = c;
  d.has_compute_queue = true;
  return d;
}
}  // namespace

TEST_CASE("device request: every accepted spelling parses", "[engine][device]") {
  CHECK(DeviceRequest::parse("auto").kind == DeviceRequest::Kind::automatic);
  CHECK(DeviceRequest::parse("cpu").kind == DeviceRequest::Kind::cpu);
  CHECK(DeviceRequest::parse("vulkan").kind == DeviceRequest::Kind::vulkan);
  CHECK_FALSE(DeviceRequest::parse("vulkan").index.has_value());
  CHECK(DeviceRequest::parse("vulkan:12").index == 12u);
  CHECK(DeviceRequest::parse("vulkan:3").to_string() == "vulkan:3");
}

TEST_CASE("device request: bad spellings are usage errors naming the source", "[engine][device]") {
  for (const char* bad : {"gpu", "vulkan:", "vulkan:x", "vulkan:-1", "vulkan:1x", "", "AUTO"}) {
    INFO(bad);
    CHECK_THROWS_AS(DeviceRequest::parse(bad, "VKRL_DEVICE"), vkrl::UsageError);
    CHECK_THROWS_WITH(DeviceRequest::parse(bad, "VKRL_DEVICE"), Catch::StartsWith("VKRL_DEVICE: expected auto"));
  }
}

TEST_CASE("backend choice: auto takes a GPU, and the CPU backend over a CPU-type Vulkan device", "[engine][device]") {
  VulkanProbe only_lavapipe{.devices = {device(0, "llvmpipe", DeviceClass::cpu)}};
  VulkanProbe with_gpu{.devices = {device(0, "llvmpipe", DeviceClass::cpu),
                                   device(1, "iGPU", DeviceClass::integrated_gpu),
                                   device(2, "H100", DeviceClass::discrete_gpu)}};
  VulkanProbe none{.problem = "no Vulkan driver is installed"};

  CHECK_FALSE(choose_backend({}, only_lavapipe).use_vulkan);
  CHECK_THAT(choose_backend({}, only_lavapipe).reason, Catch::Contains("llvmpipe"));
  const auto gpu = choose_backend({}, with_gpu);
  CHECK(gpu.use_vulkan);
  CHECK(gpu.device_index == 2);
  CHECK_FALSE(choose_backend({}, none).use_vulkan);
  CHECK_THAT(choose_backend({}, none).reason, Catch::Contains("no Vulkan driver"));

  CHECK(choose_backend(DeviceRequest::parse("vulkan"), only_lavapipe).use_vulkan);
  CHECK(choose_backend(DeviceRequest::parse("vulkan:1"), with_gpu).device_index == 1);
  CHECK_FALSE(choose_backend(DeviceRequest::parse("cpu"), with_gpu).use_vulkan);
}

TEST_CASE("backend choice: a missing Vulkan device is an error naming it", "[engine][device]") {
  VulkanProbe only_lavapipe{.devices = {device(0, "llvmpipe", DeviceClass::cpu)}};
  CHECK_THROWS_WITH(choose_backend(DeviceRequest::parse("vulkan:7"), only_lavapipe),
                    Catch::StartsWith("device vulkan:7 not found") && Catch::Contains("vulkan:0 (llvmpipe)"));
  CHECK_THROWS_WITH(choose_backend(DeviceRequest::parse("vulkan"), VulkanProbe{.problem = "no driver"}),
                    Catch::Contains("no Vulkan device is present: no driver"));
}

TEST_CASE("buffers are mapped on shared-memory devices and on discrete GPUs whose VRAM is host-visible",
          "[engine][device]") {
  constexpr uint64_t GiB = uint64_t(1) << 30;
  // The memory of the H100 that `vkrl info` showed on a lease: heap 0 is 79.6 GiB of VRAM, and type 4 maps it.
  DeviceInfo h100 = device(0, "H100", DeviceClass::discrete_gpu);
  h100.heaps = {{.bytes = 85470 * (GiB >> 10), .device_local = true}, {.bytes = 94 * GiB}};
  h100.memory_types = {{.heap = 1},
                       {.heap = 0, .device_local = true},
                       {.heap = 1, .host_visible = true, .host_coherent = true},
                       {.heap = 1, .host_visible = true, .host_coherent = true, .host_cached = true},
                       {.heap = 0, .device_local = true, .host_visible = true, .host_coherent = true}};
  CHECK(h100.host_visible_vram());
  CHECK(h100.maps_buffers_by_default());

  // Without resizable BAR only a 256 MiB window of VRAM is host-visible: staged.
  DeviceInfo small_bar = h100;
  small_bar.heaps.push_back({.bytes = 256 << 20, .device_local = true});
  small_bar.memory_types[4].heap = 2;
  CHECK_FALSE(small_bar.host_visible_vram());
  CHECK_FALSE(small_bar.maps_buffers_by_default());

  DeviceInfo no_host_vram = h100;
  no_host_vram.memory_types.pop_back();
  CHECK_FALSE(no_host_vram.maps_buffers_by_default());

  CHECK(device(0, "llvmpipe", DeviceClass::cpu).maps_buffers_by_default());
  CHECK(device(0, "iGPU", DeviceClass::integrated_gpu).maps_buffers_by_default());
}

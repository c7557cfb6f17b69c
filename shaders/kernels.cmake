# The list of kernel variants: vkrl_kernel(NAME SOURCE [DEFINES ...]). One source may yield several named variants.
set(VKRL_KERNEL_VARIANTS)
function(vkrl_kernel name)
  cmake_parse_arguments(K "" "SOURCE" "DEFINES" ${ARGN})
  set(VKRL_KERNEL_${name}_SOURCE ${K_SOURCE} PARENT_SCOPE)
  set(VKRL_KERNEL_${name}_DEFINES ${K_DEFINES} PARENT_SCOPE)
  set(VKRL_KERNEL_VARIANTS ${VKRL_KERNEL_VARIANTS} ${name} PARENT_SCOPE)
endfunction()

# GEMM: register-tiled for CPU-type devices (lavapipe), with scalar or vec4 loads; shared-memory tiles for GPUs.
vkrl_kernel(gemm_regtile      SOURCE gemm_regtile.comp DEFINES VEC4=0)
vkrl_kernel(gemm_regtile_vec4 SOURCE gemm_regtile.comp DEFINES VEC4=1)
vkrl_kernel(gemm_shmem        SOURCE gemm_shmem.comp)
# Elementwise and reduction (fills are transfer commands, see Stream::fill).
vkrl_kernel(axpby             SOURCE axpby.comp)
vkrl_kernel(reduce_sum        SOURCE reduce_sum.comp)
# The nn backend's ops (nn/src/backend/vulkan_*.cpp): one kernel per op family, the op picked by a push constant or,
# where the bindings differ, by a MODE variant.
vkrl_kernel(nn_elementwise            SOURCE nn_elementwise.comp)
vkrl_kernel(nn_reduce                 SOURCE nn_reduce.comp)
vkrl_kernel(nn_rows                   SOURCE nn_rows.comp)
vkrl_kernel(nn_loss                   SOURCE nn_loss.comp)
vkrl_kernel(nn_bias_gradient          SOURCE nn_bias_gradient.comp)
vkrl_kernel(nn_conv2d                 SOURCE nn_conv2d.comp DEFINES MODE=0)
vkrl_kernel(nn_conv2d_backward_input  SOURCE nn_conv2d.comp DEFINES MODE=1)
vkrl_kernel(nn_conv2d_backward_filter SOURCE nn_conv2d.comp DEFINES MODE=2)
vkrl_kernel(nn_pool2d                 SOURCE nn_pool2d.comp DEFINES MODE=0)
vkrl_kernel(nn_pool2d_backward        SOURCE nn_pool2d.comp DEFINES MODE=1)
vkrl_kernel(nn_batch_norm_train       SOURCE nn_batch_norm.comp DEFINES MODE=0)
vkrl_kernel(nn_batch_norm_inference   SOURCE nn_batch_norm.comp DEFINES MODE=1)
vkrl_kernel(nn_batch_norm_backward    SOURCE nn_batch_norm.comp DEFINES MODE=2)
vkrl_kernel(nn_optimizer              SOURCE nn_optimizer.comp)

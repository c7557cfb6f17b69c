#version 450
// dbias[c] = beta dbias[c] + the sum of dy over the elements of channel c, dy seen as [rows, channels, inner]. One
// workgroup per channel with a tree sum in shared memory, so the order of the sum is fixed and every run gives the
// same bits.
layout(local_size_x_id = 0, local_size_y = 1, local_size_z = 1) in;

layout(push_constant) uniform Params {
  uint rows, channels, inner, offDY, offDB;
  float beta;
} p;

layout(std430, binding = 0) readonly buffer BufDY { float DY[]; };
layout(std430, binding = 1) buffer BufDB { float DB[]; };

shared float partial[gl_WorkGroupSize.x];

void main() {
  const uint lid = gl_LocalInvocationID.x;
  const uint count = p.rows * p.inner;
  for (uint c = gl_WorkGroupID.x; c < p.channels; c += gl_NumWorkGroups.x) {
    float s = 0.0;
    for (uint j = lid; j < count; j += gl_WorkGroupSize.x)
      s += DY[p.offDY + (j / p.inner) * p.channels * p.inner + c * p.inner + j % p.inner];
    partial[lid] = s;
    barrier();
    for (uint half_ = gl_WorkGroupSize.x / 2; half_ > 0; half_ /= 2) {
      if (lid < half_) partial[lid] += partial[lid + half_];
      barrier();
    }
    if (lid == 0) DB[p.offDB + c] = p.beta != 0.0 ? p.beta * DB[p.offDB + c] + partial[0] : partial[0];
    barrier();
  }
}

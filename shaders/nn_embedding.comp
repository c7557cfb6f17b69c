#version 450
// The embedding ops of nn/backend.h over `positions` indices (whole numbers stored as floats) into a vocab x dim
// table, chosen by MODE: 0 lookup (one invocation per output float; an index outside the table gives NaN, since a
// kernel cannot throw), 1 backward (one invocation per table float, which sums dy over the positions holding its row
// in position order: deterministic, with no atomics). Binding i's first float is at offset off[i].
layout(local_size_x_id = 0, local_size_y = 1, local_size_z = 1) in;

layout(push_constant) uniform Params {
  uint positions, vocab, dim;
  uint off0, off1, off2;
} p;

layout(std430, binding = 0) readonly buffer BufI { float Indices[]; };
#if MODE == 0
layout(std430, binding = 1) readonly buffer BufT { float Table[]; };
layout(std430, binding = 2) writeonly buffer BufY { float Y[]; };
#else
layout(std430, binding = 1) readonly buffer BufDY { float DY[]; };
layout(std430, binding = 2) writeonly buffer BufDT { float DTable[]; };
#endif

void item(uint i) {
  const uint d = i % p.dim;
#if MODE == 0
  const uint position = i / p.dim;
  const float v = Indices[p.off0 + position];
  if (!(v >= 0.0 && v < float(p.vocab) && v == floor(v))) {
    Y[p.off2 + i] = uintBitsToFloat(0x7fc00000u);
    return;
  }
  Y[p.off2 + i] = Table[p.off1 + uint(v) * p.dim + d];
#else
  const float row = float(i / p.dim);
  float sum = 0.0;
  for (uint position = 0; position < p.positions; ++position)
    if (Indices[p.off0 + position] == row) sum += DY[p.off1 + position * p.dim + d];
  DTable[p.off2 + i] = sum;
#endif
}

void main() {
  const uint items = (MODE == 0 ? p.positions : p.vocab) * p.dim;
  const uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  for (uint i = gl_GlobalInvocationID.x; i < items; i += stride) item(i);
}

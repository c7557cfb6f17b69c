#version 450
// The recurrent cells' fused steps of nn/backend.h, one invocation per (row, unit) of an N x H state, chosen by MODE:
// 0 swap_leading_axes (one invocation per element), 1 lstm_cell, 2 lstm_cell_backward, 3 gru_reset, 4 gru_update,
// 5 gru_update_backward, 6 gru_reset_backward. Binding i's first float is at offset off[i]; gate tensors hold their
// blocks side by side in each row (LSTM i, f, g, o; GRU z, r).
layout(local_size_x_id = 0, local_size_y = 1, local_size_z = 1) in;

layout(push_constant) uniform Params {
  uint rows, units;  // N and H; for MODE 0 the leading axes A and B of x
  uint inner;        // MODE 0: the elements behind the two leading axes
  uint peephole;     // LSTM: 1 with peepholes
  uint off0, off1, off2, off3, off4, off5, off6, off7;
} p;

#if MODE == 0
layout(std430, binding = 0) readonly buffer Buf0 { float X[]; };
layout(std430, binding = 1) writeonly buffer Buf1 { float Y[]; };
#elif MODE == 1
layout(std430, binding = 0) readonly buffer Buf0 { float Peephole[]; };
layout(std430, binding = 1) readonly buffer Buf1 { float CPrev[]; };
layout(std430, binding = 2) buffer Buf2 { float Gates[]; };
layout(std430, binding = 3) writeonly buffer Buf3 { float C[]; };
layout(std430, binding = 4) writeonly buffer Buf4 { float H[]; };
#elif MODE == 2
layout(std430, binding = 0) readonly buffer Buf0 { float Peephole[]; };
layout(std430, binding = 1) readonly buffer Buf1 { float Gates[]; };
layout(std430, binding = 2) readonly buffer Buf2 { float CPrev[]; };
layout(std430, binding = 3) readonly buffer Buf3 { float C[]; };
layout(std430, binding = 4) readonly buffer Buf4 { float DH[]; };
layout(std430, binding = 5) buffer Buf5 { float DC[]; };
layout(std430, binding = 6) writeonly buffer Buf6 { float DGates[]; };
layout(std430, binding = 7) writeonly buffer Buf7 { float DPeephole[]; };
#elif MODE == 3
layout(std430, binding = 0) readonly buffer Buf0 { float HPrev[]; };
layout(std430, binding = 1) buffer Buf1 { float ZR[]; };
layout(std430, binding = 2) writeonly buffer Buf2 { float ResetHidden[]; };
#elif MODE == 4
layout(std430, binding = 0) readonly buffer Buf0 { float HPrev[]; };
layout(std430, binding = 1) readonly buffer Buf1 { float ZR[]; };
layout(std430, binding = 2) buffer Buf2 { float N[]; };
layout(std430, binding = 3) writeonly buffer Buf3 { float H[]; };
#elif MODE == 5
layout(std430, binding = 0) readonly buffer Buf0 { float HPrev[]; };
layout(std430, binding = 1) readonly buffer Buf1 { float ZR[]; };
layout(std430, binding = 2) readonly buffer Buf2 { float N[]; };
layout(std430, binding = 3) readonly buffer Buf3 { float DH[]; };
layout(std430, binding = 4) writeonly buffer Buf4 { float DZR[]; };
layout(std430, binding = 5) writeonly buffer Buf5 { float DN[]; };
layout(std430, binding = 6) buffer Buf6 { float DHPrev[]; };
#else
layout(std430, binding = 0) readonly buffer Buf0 { float HPrev[]; };
layout(std430, binding = 1) readonly buffer Buf1 { float ZR[]; };
layout(std430, binding = 2) readonly buffer Buf2 { float DResetHidden[]; };
layout(std430, binding = 3) writeonly buffer Buf3 { float DZR[]; };
layout(std430, binding = 4) buffer Buf4 { float DHPrev[]; };
#endif

float logistic(float x) { return 1.0 / (1.0 + exp(-x)); }

void item(uint k) {
#if MODE == 0
  const uint e = k % p.inner, ab = k / p.inner, a = ab / p.units, b = ab % p.units;
  Y[p.off1 + (b * p.rows + a) * p.inner + e] = X[p.off0 + k];
#else
  const uint H_ = p.units, n = k / H_, j = k % H_, s = n * H_ + j;  // s: the unit in an N x H state
#endif
#if MODE == 1
  const uint g = p.off2 + n * 4 * H_ + j;
  const float cp = CPrev[p.off1 + s];
  const bool peep = p.peephole != 0;
  const float i = logistic(Gates[g] + (peep ? Peephole[p.off0 + j] * cp : 0.0));
  const float f = logistic(Gates[g + H_] + (peep ? Peephole[p.off0 + H_ + j] * cp : 0.0));
  const float cand = tanh(Gates[g + 2 * H_]);
  const float cell = f * cp + i * cand;
  const float o = logistic(Gates[g + 3 * H_] + (peep ? Peephole[p.off0 + 2 * H_ + j] * cell : 0.0));
  Gates[g] = i;
  Gates[g + H_] = f;
  Gates[g + 2 * H_] = cand;
  Gates[g + 3 * H_] = o;
  C[p.off3 + s] = cell;
  H[p.off4 + s] = o * tanh(cell);
#elif MODE == 2
  const uint g = n * 4 * H_ + j;
  const float i = Gates[p.off1 + g], f = Gates[p.off1 + g + H_], cand = Gates[p.off1 + g + 2 * H_],
              o = Gates[p.off1 + g + 3 * H_];
  const float cp = CPrev[p.off2 + s], cell = C[p.off3 + s], dh = DH[p.off4 + s];
  const bool peep = p.peephole != 0;
  const float tc = tanh(cell);
  const float d_o = dh * tc * o * (1.0 - o);
  float dcell = DC[p.off5 + s] + dh * o * (1.0 - tc * tc);
  if (peep) dcell += d_o * Peephole[p.off0 + 2 * H_ + j];
  const float d_i = dcell * cand * i * (1.0 - i);
  const float d_f = dcell * cp * f * (1.0 - f);
  const float d_g = dcell * i * (1.0 - cand * cand);
  float dprev = dcell * f;
  if (peep) {
    dprev += d_i * Peephole[p.off0 + j] + d_f * Peephole[p.off0 + H_ + j];
    const uint q = p.off7 + n * 3 * H_ + j;
    DPeephole[q] = d_i * cp;
    DPeephole[q + H_] = d_f * cp;
    DPeephole[q + 2 * H_] = d_o * cell;
  }
  DGates[p.off6 + g] = d_i;
  DGates[p.off6 + g + H_] = d_f;
  DGates[p.off6 + g + 2 * H_] = d_g;
  DGates[p.off6 + g + 3 * H_] = d_o;
  DC[p.off5 + s] = dprev;
#elif MODE == 3
  const uint g = p.off1 + n * 2 * H_ + j;
  ZR[g] = logistic(ZR[g]);
  const float r = logistic(ZR[g + H_]);
  ZR[g + H_] = r;
  ResetHidden[p.off2 + s] = r * HPrev[p.off0 + s];
#elif MODE == 4
  const float z = ZR[p.off1 + n * 2 * H_ + j];
  const float cand = tanh(N[p.off2 + s]);
  N[p.off2 + s] = cand;
  H[p.off3 + s] = (1.0 - z) * HPrev[p.off0 + s] + z * cand;
#elif MODE == 5
  const float z = ZR[p.off1 + n * 2 * H_ + j], cand = N[p.off2 + s], dh = DH[p.off3 + s], hp = HPrev[p.off0 + s];
  DN[p.off5 + s] = dh * z * (1.0 - cand * cand);
  DZR[p.off4 + n * 2 * H_ + j] = dh * (cand - hp) * z * (1.0 - z);
  DHPrev[p.off6 + s] += dh * (1.0 - z);
#elif MODE == 6
  const float r = ZR[p.off1 + n * 2 * H_ + H_ + j], drh = DResetHidden[p.off2 + s];
  DZR[p.off3 + n * 2 * H_ + H_ + j] = drh * HPrev[p.off0 + s] * r * (1.0 - r);
  DHPrev[p.off4 + s] += drh * r;
#endif
}

void main() {
  const uint count = p.rows * p.units * (MODE == 0 ? p.inner : 1);
  const uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  for (uint k = gl_GlobalInvocationID.x; k < count; k += stride) item(k);
}

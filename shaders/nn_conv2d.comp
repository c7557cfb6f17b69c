#version 450
// Direct 2-D convolution (cross-correlation) over NCHW images, one invocation per output element, in three variants
// chosen by MODE: 0 forward (In = x, Second = w, Out = y), 1 the input gradient (In = dy, Second = w, Out = dx), 2 the
// filter gradient (In = x, Second = dy, Out = dw, plus beta times its old value). Each invocation gathers its own
// sum, so there are no atomics and every run gives the same bits.
layout(local_size_x_id = 0, local_size_y = 1, local_size_z = 1) in;

layout(push_constant) uniform Params {
  uint N, C, H, W;          // x
  uint O, OH, OW;           // filters and y's spatial size
  uint KH, KW, SH, SW, PH, PW, DH, DW;
  uint offIn, offSecond, offOut;
  float beta;
} p;

layout(std430, binding = 0) readonly buffer BufIn { float In[]; };
layout(std430, binding = 1) readonly buffer BufSecond { float Second[]; };
layout(std430, binding = 2) buffer BufOut { float Out[]; };

float x_at(uint n, uint c, int h, int w) { return In[p.offIn + ((n * p.C + c) * p.H + uint(h)) * p.W + uint(w)]; }

#if MODE == 0
float compute(uint i) {
  const uint ow = i % p.OW, oh = (i / p.OW) % p.OH, o = (i / (p.OW * p.OH)) % p.O, n = i / (p.OW * p.OH * p.O);
  const int h0 = int(oh * p.SH) - int(p.PH), w0 = int(ow * p.SW) - int(p.PW);
  float s = 0.0;
  for (uint c = 0; c < p.C; ++c)
    for (uint kh = 0; kh < p.KH; ++kh) {
      const int h = h0 + int(kh * p.DH);
      if (h < 0 || h >= int(p.H)) continue;
      const uint w_row = p.offSecond + ((o * p.C + c) * p.KH + kh) * p.KW;
      for (uint kw = 0; kw < p.KW; ++kw) {
        const int w = w0 + int(kw * p.DW);
        if (w >= 0 && w < int(p.W)) s += x_at(n, c, h, w) * Second[w_row + kw];
      }
    }
  return s;
}
uint count() { return p.N * p.O * p.OH * p.OW; }
#elif MODE == 1
float compute(uint i) {
  const uint w = i % p.W, h = (i / p.W) % p.H, c = (i / (p.W * p.H)) % p.C, n = i / (p.W * p.H * p.C);
  float s = 0.0;
  for (uint kh = 0; kh < p.KH; ++kh) {
    // The output row whose window puts tap kh on row h, if there is one.
    const int th = int(h + p.PH) - int(kh * p.DH);
    if (th < 0 || th % int(p.SH) != 0 || th / int(p.SH) >= int(p.OH)) continue;
    const uint oh = uint(th) / p.SH;
    for (uint kw = 0; kw < p.KW; ++kw) {
      const int tw = int(w + p.PW) - int(kw * p.DW);
      if (tw < 0 || tw % int(p.SW) != 0 || tw / int(p.SW) >= int(p.OW)) continue;
      const uint ow = uint(tw) / p.SW;
      for (uint o = 0; o < p.O; ++o)
        s += In[p.offIn + ((n * p.O + o) * p.OH + oh) * p.OW + ow] *
             Second[p.offSecond + ((o * p.C + c) * p.KH + kh) * p.KW + kw];
    }
  }
  return s;
}
uint count() { return p.N * p.C * p.H * p.W; }
#else
float compute(uint i) {
  const uint kw = i % p.KW, kh = (i / p.KW) % p.KH, c = (i / (p.KW * p.KH)) % p.C, o = i / (p.KW * p.KH * p.C);
  float s = 0.0;
  for (uint n = 0; n < p.N; ++n)
    for (uint oh = 0; oh < p.OH; ++oh) {
      const int h = int(oh * p.SH + kh * p.DH) - int(p.PH);
      if (h < 0 || h >= int(p.H)) continue;
      const uint dy_row = p.offSecond + ((n * p.O + o) * p.OH + oh) * p.OW;
      for (uint ow = 0; ow < p.OW; ++ow) {
        const int w = int(ow * p.SW + kw * p.DW) - int(p.PW);
        if (w >= 0 && w < int(p.W)) s += x_at(n, c, h, w) * Second[dy_row + ow];
      }
    }
  return p.beta != 0.0 ? p.beta * Out[p.offOut + i] + s : s;
}
uint count() { return p.O * p.C * p.KH * p.KW; }
#endif

void main() {
  const uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  for (uint i = gl_GlobalInvocationID.x; i < count(); i += stride) Out[p.offOut + i] = compute(i);
}

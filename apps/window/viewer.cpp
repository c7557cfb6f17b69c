#include "window/viewer.h"

#include <SDL.h>

#include <string_view>

#include "vkrl/error.h"

namespace vkrl::apps {

namespace {

bool to_key(const SDL_Keysym& sym, KeyPress& out) {
  switch (sym.sym) {
    case SDLK_UP: out = {Key::up}; return true;
    case SDLK_DOWN: out = {Key::down}; return true;
    case SDLK_LEFT: out = {Key::left}; return true;
    case SDLK_RIGHT: out = {Key::right}; return true;
    case SDLK_SPACE: out = {Key::space}; return true;
    case SDLK_n: out = {Key::n}; return true;
    case SDLK_h: out = {Key::h}; return true;
    case SDLK_u: out = {Key::u}; return true;
    case SDLK_r: out = {Key::r}; return true;
    case SDLK_s: out = {Key::s}; return true;
    case SDLK_q: out = {Key::q}; return true;
    case SDLK_ESCAPE: out = {Key::escape}; return true;
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: out = {Key::plus}; return true;  // '+' is shift-'=' on US keyboards
    case SDLK_MINUS: case SDLK_KP_MINUS: out = {Key::minus}; return true;
    default: break;
  }
  if (sym.sym >= SDLK_1 && sym.sym <= SDLK_9) {
    out = {Key::digit, static_cast<int>(sym.sym - SDLK_0)};
    return true;
  }
  if (sym.sym >= SDLK_KP_1 && sym.sym <= SDLK_KP_9) {
    out = {Key::digit, static_cast<int>(sym.sym - SDLK_KP_1) + 1};
    return true;
  }
  return false;
}

void add_event(const SDL_Event& e, std::vector<KeyPress>& keys) {
  KeyPress k{};
  if (e.type == SDL_QUIT) keys.push_back({Key::q});
  if (e.type == SDL_KEYDOWN && to_key(e.key.keysym, k)) keys.push_back(k);
  // The window is the frame's size, so a click's window pixel is the frame's pixel.
  if (e.type == SDL_MOUSEBUTTONDOWN && e.button.button == SDL_BUTTON_LEFT)
    keys.push_back({Key::click, 0, e.button.x, e.button.y});
}

}  // namespace

Viewer::Viewer(std::string title) : title_(std::move(title)) {
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
    headless_reason_ = std::string("no display (") + SDL_GetError() + ")";
    return;
  }
  video_ = true;
  // SDL falls back to its "offscreen" driver when no display is reachable; neither it nor "dummy" shows anything.
  const std::string_view driver = SDL_GetCurrentVideoDriver();
  if (driver == "dummy" || driver == "offscreen") {
    headless_reason_ = driver == "dummy" ? "SDL_VIDEODRIVER=dummy" : "no display: SDL video driver 'offscreen'";
    return;
  }
  window_ = SDL_CreateWindow(title_.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 640, 400, 0);
  if (window_) renderer_ = SDL_CreateRenderer(window_, -1, 0);
  if (!window_ || !renderer_) {
    headless_reason_ = std::string("cannot open a window (") + SDL_GetError() + ")";
    if (window_) SDL_DestroyWindow(window_);
    window_ = nullptr;
    return;
  }
  headless_ = false;
}

Viewer::~Viewer() {
  if (texture_) SDL_DestroyTexture(texture_);
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
  if (video_) SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

void Viewer::show(const envs::Frame& frame) {
  if (headless_) return;
  if (!texture_ || texture_width_ != frame.width() || texture_height_ != frame.height()) {
    if (texture_) SDL_DestroyTexture(texture_);
    texture_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGB24, SDL_TEXTUREACCESS_STREAMING, frame.width(),
                                 frame.height());
    if (!texture_) throw Error(std::string("window: cannot create a texture: ") + SDL_GetError());
    texture_width_ = frame.width();
    texture_height_ = frame.height();
    SDL_SetWindowSize(window_, frame.width(), frame.height());
    SDL_SetWindowPosition(window_, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED);
  }
  SDL_UpdateTexture(texture_, nullptr, frame.data(), frame.width() * 3);
  SDL_RenderClear(renderer_);
  SDL_RenderCopy(renderer_, texture_, nullptr, nullptr);
  SDL_RenderPresent(renderer_);
}

std::vector<KeyPress> Viewer::poll() {
  std::vector<KeyPress> keys;
  if (headless_) return keys;
  SDL_Event e;
  while (SDL_PollEvent(&e)) add_event(e, keys);
  return keys;
}

std::vector<KeyPress> Viewer::wait(int ms) {
  std::vector<KeyPress> keys;
  if (headless_) return keys;
  SDL_Event e;
  if (SDL_WaitEventTimeout(&e, ms)) add_event(e, keys);
  for (KeyPress k : poll()) keys.push_back(k);
  return keys;
}

}  // namespace vkrl::apps

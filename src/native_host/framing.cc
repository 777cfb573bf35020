#include "framing.h"

#include <cstring>

namespace reviewlint::native_host {

void NativeReader::Feed(std::string_view bytes) {
  if (skip_ > 0) {
    size_t dropped = static_cast<size_t>(std::min<uint64_t>(skip_, bytes.size()));
    skip_ -= dropped;
    bytes.remove_prefix(dropped);
  }
  if (pos_ > 0 && pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
  }
  buf_.append(bytes);
}

std::optional<NativeFrame> NativeReader::Next() {
  if (skip_ > 0 || buf_.size() - pos_ < 4) return std::nullopt;
  uint32_t length = 0;
  std::memcpy(&length, buf_.data() + pos_, 4);
  if (length > max_body_) {
    // Skip the body: what has arrived now, and the rest as Feed() receives it.
    size_t here = std::min<size_t>(length, buf_.size() - pos_ - 4);
    pos_ += 4 + here;
    skip_ = length - here;
    return NativeFrame{NativeFrame::kOversized, "", length};
  }
  if (buf_.size() - pos_ - 4 < length) return std::nullopt;
  NativeFrame frame{NativeFrame::kMessage, buf_.substr(pos_ + 4, length), length};
  pos_ += 4 + length;
  if (pos_ > (size_t{1} << 16) && pos_ * 2 > buf_.size()) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  return frame;
}

std::string EncodeNativeFrame(std::string_view body) {
  uint32_t length = static_cast<uint32_t>(body.size());
  std::string out(4, '\0');
  std::memcpy(out.data(), &length, 4);
  out.append(body);
  return out;
}

}  // namespace reviewlint::native_host

#include "framing.h"

#include <errno.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace reviewlint::lsp {
namespace {

constexpr std::string_view kLengthHeader = "content-length:";
constexpr size_t kMaxHeaderBytes = 8192;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != lower[i]) return false;
  return true;
}

// Offset of the next "Content-Length:" (any case) at or after `from`, or npos.
size_t FindLengthHeader(std::string_view s, size_t from) {
  for (size_t i = from; i + kLengthHeader.size() <= s.size(); ++i)
    if (EqualsIgnoreCase(s.substr(i, kLengthHeader.size()), kLengthHeader)) return i;
  return std::string_view::npos;
}

// Header names are tokens; anything else means we are not looking at a header.
bool IsHeaderName(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

// A printable sample of bad input for an error message.
std::string Sample(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 40)) {
    unsigned char b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b < 0x7F) {
      out += c;
    } else {
      const char* hex = "0123456789ABCDEF";
      out += "\\x";
      out += hex[b >> 4];
      out += hex[b & 15];
    }
  }
  if (s.size() > 40) out += "...";
  return out;
}

}  // namespace

void MessageReader::Feed(std::string_view bytes) {
  Compact();
  buf_.append(bytes);
}

void MessageReader::Unread(std::string_view bytes) {
  buf_.insert(pos_, bytes);
  state_ = State::kHeader;
}

void MessageReader::Compact() {
  if (pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
  } else if (pos_ > 65536 && pos_ * 2 > buf_.size()) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
}

std::string MessageReader::TakePartialBody() {
  std::string body = buf_.substr(pos_);
  pos_ = buf_.size();
  state_ = State::kHeader;
  return body;
}

// Drops bytes up to the next "Content-Length:" header (or all but a tail that may be the start of
// one) and reports `error` once for the whole run of bad bytes.
std::optional<FrameEvent> MessageReader::Resync(std::string error) {
  size_t next = FindLengthHeader(buf_, pos_ + 1);
  if (next != std::string::npos) {
    pos_ = next;
  } else {
    size_t keep = std::min(buf_.size() - pos_, kLengthHeader.size() - 1);
    pos_ = buf_.size() - keep;
    // Keep dropping bytes quietly until a header shows up.
    state_ = State::kSkip;
    body_size_ = SIZE_MAX;
  }
  FrameEvent e;
  e.kind = FrameEvent::kError;
  e.error = std::move(error);
  return e;
}

// One algorithm: the framing state machine. kHeader reads a header block up to its blank line
// (Content-Length required; garbage resynchronises), kBody waits for the whole body and returns it,
// kSkip discards an over-limit body (or, with body_size_ == SIZE_MAX, garbage up to the next
// header).
std::optional<FrameEvent> MessageReader::Next() {
  for (;;) {
    if (state_ == State::kSkip) {
      if (body_size_ == SIZE_MAX) {
        // Resynchronising after garbage: look for the next header.
        size_t next = FindLengthHeader(buf_, pos_);
        if (next == std::string::npos) {
          size_t keep = std::min(buf_.size() - pos_, kLengthHeader.size() - 1);
          pos_ = buf_.size() - keep;
          return std::nullopt;
        }
        pos_ = next;
        state_ = State::kHeader;
        continue;
      }
      size_t n = std::min(body_size_, buf_.size() - pos_);
      pos_ += n;
      body_size_ -= n;
      if (body_size_ > 0) return std::nullopt;
      state_ = State::kHeader;
      continue;
    }

    if (state_ == State::kBody) {
      if (buf_.size() - pos_ < body_size_) return std::nullopt;
      FrameEvent e;
      e.body = buf_.substr(pos_, body_size_);
      pos_ += body_size_;
      state_ = State::kHeader;
      return e;
    }

    // Headers. Stray line breaks between messages are harmless; skip them.
    while (pos_ < buf_.size() && (buf_[pos_] == '\r' || buf_[pos_] == '\n')) ++pos_;
    if (pos_ == buf_.size()) return std::nullopt;
    std::optional<size_t> length;
    size_t p = pos_;
    for (;;) {
      size_t nl = buf_.find('\n', p);
      if (nl == std::string::npos) {
        std::string_view partial = std::string_view(buf_).substr(p);
        if (!partial.empty() && partial.back() == '\r') partial.remove_suffix(1);
        std::string_view name = Trim(partial.substr(0, partial.find(':')));
        if (!name.empty() && !IsHeaderName(name))
          return Resync("expected a message header (Content-Length: N), got \"" + Sample(partial) +
                        "\"");
        if (buf_.size() - pos_ > kMaxHeaderBytes)
          return Resync("message header longer than " + std::to_string(kMaxHeaderBytes) +
                        " bytes: " + Sample(std::string_view(buf_).substr(pos_)));
        return std::nullopt;
      }
      std::string_view line(buf_.data() + p, nl - p);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      p = nl + 1;
      if (line.empty()) break;  // end of the header block
      size_t colon = line.find(':');
      if (colon == std::string_view::npos || !IsHeaderName(Trim(line.substr(0, colon))))
        return Resync("expected a message header (Content-Length: N), got \"" + Sample(line) +
                      "\"");
      std::string_view name = Trim(line.substr(0, colon));
      if (!EqualsIgnoreCase(name, kLengthHeader.substr(0, kLengthHeader.size() - 1))) continue;
      std::string_view value = Trim(line.substr(colon + 1));
      bool digits =
          !value.empty() && value.size() <= 19 &&
          std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits) return Resync("invalid Content-Length \"" + Sample(value) + "\"");
      length = std::stoull(std::string(value));
    }
    if (!length) return Resync("message header without Content-Length");
    pos_ = p;
    if (*length > max_body_) {
      state_ = State::kSkip;
      body_size_ = *length;
      FrameEvent e;
      e.kind = FrameEvent::kError;
      e.error = "message of " + std::to_string(*length) + " bytes is over the limit of " +
                std::to_string(max_body_) + " bytes; skipped";
      return e;
    }
    state_ = State::kBody;
    body_size_ = *length;
  }
}

std::string Frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

std::string FrameLines(std::string_view input) {
  std::string out;
  while (!input.empty()) {
    size_t nl = input.find('\n');
    std::string_view line = input.substr(0, nl);
    if (!line.empty()) out += Frame(line);
    input.remove_prefix(nl == std::string_view::npos ? input.size() : nl + 1);
  }
  return out;
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace reviewlint::lsp

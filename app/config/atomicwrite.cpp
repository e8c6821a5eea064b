// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "atomicwrite.h"

#include "parser.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Snowpane::Config
{

namespace
{

std::string directoryOf(const std::string &path)
{
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : slash == 0 ? std::string("/") : path.substr(0, slash);
}

std::string writeTemporary(const std::string &target, const std::string &text, std::string &temporary)
{
    mode_t mode = 0644;
    struct stat st{};
    const bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists) {
        // Never setuid, setgid or sticky: a rewritten file is data, and root may be the one writing it.
        mode = st.st_mode & 0777;
    }
    std::string name = directoryOf(target) + "/.snowpane-XXXXXX";
    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
        return target + ": cannot create a temporary file beside it: " + std::strerror(errno);
    }
    temporary = name;
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const std::string error = target + ": cannot write: " + std::strerror(errno);
            ::close(fd);
            return error;
        }
        written += static_cast<std::size_t>(n);
    }
    // The owner too, when this process may set it (root writing a user's file): the file must not change hands.
    if (exists && (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) && ::fchown(fd, st.st_uid, st.st_gid) != 0 && ::geteuid() == 0) {
        const std::string error = target + ": cannot keep its owner: " + std::strerror(errno);
        ::close(fd);
        return error;
    }
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
        const std::string error = target + ": cannot flush: " + std::strerror(errno);
        ::close(fd);
        return error;
    }
    if (::close(fd) != 0) {
        return target + ": cannot close: " + std::strerror(errno);
    }
    return {};
}

} // namespace

std::string writeFilesAtomically(const std::vector<std::pair<std::string, std::string>> &files)
{
    std::vector<std::string> temporaries;
    for (const auto &[target, text] : files) {
        std::string temporary;
        const std::string error = writeTemporary(target, text, temporary);
        if (!temporary.empty()) {
            temporaries.push_back(temporary);
        }
        if (!error.empty()) {
            for (const std::string &t : temporaries) {
                ::unlink(t.c_str());
            }
            return error;
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (::rename(temporaries[i].c_str(), files[i].first.c_str()) != 0) {
            const std::string error = files[i].first + ": cannot replace: " + std::strerror(errno);
            for (std::size_t j = i; j < temporaries.size(); ++j) {
                ::unlink(temporaries[j].c_str());
            }
            return error;
        }
        const int dir = ::open(directoryOf(files[i].first).c_str(), O_RDONLY | O_DIRECTORY);
        if (dir >= 0) {
            ::fsync(dir);
            ::close(dir);
        }
    }
    return {};
}

std::string writeCheckedFiles(const std::vector<CheckedWrite> &files)
{
    std::vector<std::pair<std::string, std::string>> writes;
    std::vector<std::string> newDirectories;
    for (const CheckedWrite &file : files) {
        struct stat st{};
        if (::lstat(file.path.c_str(), &st) != 0) {
            if (errno != ENOENT || !file.before.empty()) {
                return file.path + " is gone since it was loaded; nothing was written";
            }
            newDirectories.push_back(directoryOf(file.path));
        } else {
            if (!S_ISREG(st.st_mode)) {
                return file.path + " is not a regular file; nothing was written";
            }
            std::ifstream in(file.path, std::ios::binary);
            const std::string onDisk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (!in.good() && !in.eof()) {
                return file.path + ": cannot be read back before writing";
            }
            if (onDisk != file.before) {
                return file.path + " changed on disk since it was loaded; nothing was written";
            }
        }
        if (Nix::parse(file.after).hasErrors()) {
            return file.path + ": the new text does not parse; nothing was written";
        }
        writes.emplace_back(file.path, file.after);
    }
    for (const std::string &directory : newDirectories) {
        std::error_code error;
        std::filesystem::create_directories(directory, error);
        if (error) {
            return directory + ": cannot be created: " + error.message();
        }
    }
    return writeFilesAtomically(writes);
}

} // namespace Snowpane::Config

// SPDX-FileCopyrightText: 2026 Snowpane contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "generator.h"

#include "lexer.h"

#include <array>
#include <string_view>
#include <vector>

namespace Snowpane::Nix::Testing
{

std::uint64_t Rng::next()
{
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

namespace
{

template<typename T, std::size_t N>
const T &pick(Rng &rng, const std::array<T, N> &items)
{
    return items[rng.below(N)];
}

// Grammar-directed generation. Each method writes one construct of the
// grammar level it is named after, choosing among all of its forms.
class ProgramGen
{
public:
    explicit ProgramGen(std::uint64_t seed)
        : m_rng(seed)
    {
    }

    std::string run()
    {
        m_scope = {"a", "b"};
        m_out = "a: b: ";
        expr(0);
        m_out += '\n';
        return std::move(m_out);
    }

private:
    void ws()
    {
        static constexpr std::array<std::string_view, 12> spaces{" ", " ", " ", " ", " ", "\n  ", "  ", "\t", " # note\n ", " /* c */ ", "\r\n", "\n\n"};
        m_out += m_rng.chance(85) ? std::string_view(" ") : pick(m_rng, spaces);
    }
    void word(std::string_view s)
    {
        m_out += s;
    }

    std::string freshName()
    {
        static constexpr std::array<std::string_view, 10> names{"x", "y", "z", "f", "g", "a-b", "x'", "_u", "pkgs", "cfg"};
        return std::string(pick(m_rng, names));
    }
    void variable()
    {
        static constexpr std::array<std::string_view, 8> globals{"builtins", "true", "false", "null", "map", "toString", "__curPos", "import"};
        const std::uint32_t r = m_rng.below(100);
        if (r < 85 && !m_scope.empty()) {
            m_out += m_scope[m_rng.below(static_cast<std::uint32_t>(m_scope.size()))];
        } else if (r < 97) {
            m_out += pick(m_rng, globals);
        } else {
            m_out += "unbound";
        }
    }

    void attrName(int depth)
    {
        const std::uint32_t r = m_rng.below(100);
        static constexpr std::array<std::string_view, 8> plain{"a", "b", "enable", "or", "x-y", "__curPos", "c'", "services"};
        if (r < 78) {
            m_out += pick(m_rng, plain);
        } else if (r < 86) {
            static constexpr std::array<std::string_view, 6> quoted{"\"a b\"", "\"\"", "\"if\"", "\"a\"", "\"$\"", "\"1x\""};
            m_out += pick(m_rng, quoted);
        } else if (r < 93) {
            m_out += "${";
            simple(depth + 1);
            m_out += '}';
        } else {
            m_out += "\"x${";
            expr(depth + 1);
            m_out += "}\"";
        }
    }
    void attrPath(int depth)
    {
        attrName(depth);
        while (m_rng.chance(25)) {
            m_out += '.';
            attrName(depth);
        }
    }

    void bindings(int depth, bool allowDynamic)
    {
        const std::uint32_t n = m_rng.below(4);
        for (std::uint32_t i = 0; i < n; ++i) {
            ws();
            if (m_rng.chance(15)) {
                m_out += "inherit";
                if (m_rng.chance(50)) {
                    m_out += " (";
                    expr(depth + 1);
                    m_out += ')';
                    m_out += m_rng.chance(50) ? " a" : " or b";
                } else if (!m_scope.empty()) {
                    m_out += ' ';
                    m_out += m_scope[m_rng.below(static_cast<std::uint32_t>(m_scope.size()))];
                }
                m_out += ';';
                continue;
            }
            if (allowDynamic) {
                attrPath(depth);
            } else {
                attrName(depth);
            }
            ws();
            m_out += '=';
            ws();
            expr(depth + 1);
            m_out += ';';
        }
        ws();
    }

    void stringLit(int depth)
    {
        m_out += '"';
        const std::uint32_t n = m_rng.below(4);
        for (std::uint32_t i = 0; i < n; ++i) {
            static constexpr std::array<std::string_view, 12> pieces{"abc", "\\n", "\\t", "\\\"", "\\\\", "$", "$$", "$${x}", "\\${x}", "é", " ", "\\q"};
            if (depth < 6 && m_rng.chance(25)) {
                m_out += "${";
                expr(depth + 1);
                m_out += '}';
            } else {
                m_out += pick(m_rng, pieces);
            }
        }
        m_out += '"';
    }
    void indString(int depth)
    {
        m_out += "''";
        const std::uint32_t n = m_rng.below(6);
        for (std::uint32_t i = 0; i < n; ++i) {
            static constexpr std::array<std::string_view, 14>
                pieces{"\n  ", "\n    ", "\n", "text", "''$", "'''", "''\\n", "$", "'", " ", "\t", "''\\ ", "$${x}", "\n  \n"};
            if (depth < 6 && m_rng.chance(20)) {
                m_out += "${";
                expr(depth + 1);
                m_out += '}';
            } else {
                m_out += pick(m_rng, pieces);
            }
        }
        if (m_rng.chance(50)) {
            m_out += "\n  ";
        }
        m_out += "''";
    }
    void path(int depth)
    {
        static constexpr std::array<std::string_view, 9> paths{"./a", "./a/b.nix", "../c", "/etc/nixos", "~/x", "a/b", "./.", "<nixpkgs>", "<nixpkgs/lib>"};
        const std::string_view p = pick(m_rng, paths);
        m_out += p;
        if (p[0] != '<' && m_rng.chance(25) && depth < 6) {
            m_out += m_rng.chance(50) ? "/${" : "${";
            expr(depth + 1);
            m_out += '}';
            if (m_rng.chance(30)) {
                m_out += "/tail";
            }
        }
    }
    void number()
    {
        static constexpr std::array<std::string_view, 12>
            numbers{"0", "1", "42", "007", "1.5", "1.", ".5", "2.5e3", "1.0e-3", "9223372036854775807", "123456.789", "0.1"};
        m_out += pick(m_rng, numbers);
    }

    void simple(int depth)
    {
        const std::uint32_t r = m_rng.below(depth > 5 ? 40 : 100);
        if (r < 25) {
            variable();
        } else if (r < 35) {
            number();
        } else if (r < 40) {
            m_out += "\"s\"";
        } else if (r < 50) {
            stringLit(depth);
        } else if (r < 55) {
            indString(depth);
        } else if (r < 61) {
            path(depth);
        } else if (r < 70) {
            m_out += '(';
            expr(depth + 1);
            m_out += ')';
        } else if (r < 80) {
            m_out += '[';
            const std::uint32_t n = m_rng.below(4);
            for (std::uint32_t i = 0; i < n; ++i) {
                ws();
                select(depth + 1);
            }
            ws();
            m_out += ']';
        } else if (r < 94) {
            const bool rec = m_rng.chance(25);
            std::vector<std::string> saved = m_scope;
            if (rec) {
                m_out += "rec ";
                m_scope.insert(m_scope.end(), {"a", "b", "enable"});
            }
            m_out += '{';
            bindings(depth, true);
            m_out += '}';
            m_scope = std::move(saved);
        } else if (r < 97) {
            m_out += "let {";
            std::vector<std::string> saved = m_scope;
            m_scope.insert(m_scope.end(), {"a", "body"});
            bindings(depth, true);
            m_out += " body = 1; }";
            m_scope = std::move(saved);
        } else {
            m_out += "x:x";
        }
    }
    void select(int depth)
    {
        simple(depth);
        if (m_rng.chance(20)) {
            m_out += '.';
            attrPath(depth);
            if (m_rng.chance(30)) {
                m_out += " or ";
                select(depth + 1);
            }
        } else if (m_rng.chance(2)) {
            m_out += " or";
        }
    }
    void app(int depth)
    {
        select(depth);
        while (depth < 6 && m_rng.chance(20)) {
            m_out += ' ';
            select(depth + 1);
        }
    }
    void op(int depth)
    {
        static constexpr std::array<std::string_view, 19>
            ops{"->", "||", "&&", "==", "!=", "<", "<=", ">", ">=", "//", "+", "-", "*", "/", "++", "+", "-", "==", "//"};
        const std::uint32_t n = depth > 5 ? 0 : m_rng.below(3);
        for (std::uint32_t i = 0; i <= n; ++i) {
            if (i > 0) {
                ws();
                if (m_rng.chance(8)) {
                    m_out += '?';
                    ws();
                    attrPath(depth);
                    ws();
                }
                m_out += pick(m_rng, ops);
                ws();
            }
            if (m_rng.chance(8)) {
                m_out += m_rng.chance(50) ? "!" : "-";
            }
            app(depth + 1);
        }
        if (depth < 4 && m_rng.chance(3)) {
            m_out += m_rng.chance(50) ? " |> " : " <| ";
            app(depth + 1);
        }
    }
    void expr(int depth)
    {
        const std::uint32_t r = m_rng.below(depth > 5 ? 60 : 100);
        std::vector<std::string> saved = m_scope;
        if (r < 60) {
            op(depth);
        } else if (r < 70) {
            const std::string name = freshName();
            m_scope.push_back(name);
            if (m_rng.chance(60)) {
                m_out += name + ":";
                ws();
            } else {
                m_out += m_rng.chance(50) ? "{ a, b ? " : "args@{ a, b ? ";
                m_scope.insert(m_scope.end(), {"a", "b", "args"});
                op(depth + 1);
                m_out += m_rng.chance(50) ? ", ... }:" : " }:";
                ws();
            }
            expr(depth + 1);
        } else if (r < 80) {
            m_out += "let";
            m_scope.insert(m_scope.end(), {"a", "b", "enable", "services"});
            bindings(depth, m_rng.chance(90));
            m_out += "in";
            ws();
            expr(depth + 1);
        } else if (r < 85) {
            m_out += "with ";
            simple(depth + 1);
            m_out += ';';
            ws();
            expr(depth + 1);
        } else if (r < 90) {
            m_out += "assert ";
            op(depth + 1);
            m_out += ';';
            ws();
            expr(depth + 1);
        } else {
            m_out += "if ";
            expr(depth + 1);
            m_out += " then ";
            expr(depth + 1);
            m_out += " else ";
            expr(depth + 1);
        }
        m_scope = std::move(saved);
    }

    Rng m_rng;
    std::vector<std::string> m_scope;
    std::string m_out;
};

// Token-level damage: delete, duplicate, swap or insert whole tokens.
std::string mutateTokens(std::string text, Rng &rng)
{
    const unsigned edits = 1 + rng.below(3);
    for (unsigned e = 0; e < edits; ++e) {
        const LexResult lexed = lex(text);
        const std::uint32_t n = lexed.tokens.size();
        if (n == 0) {
            break;
        }
        const std::uint32_t t = rng.below(n);
        const std::uint32_t b = lexed.tokens.begin(t);
        const std::uint32_t len = lexed.tokens.end(t) - b;
        const std::string tok = text.substr(b, len);
        static constexpr std::array<std::string_view, 16> inserts{"}", "{", ";", "(", ")", "[", "]", "\"", "''", "${", ":", "@", ".", "or", "in", "="};
        switch (rng.below(4)) {
        case 0:
            text.erase(b, len);
            break;
        case 1:
            text.insert(b, tok);
            break;
        case 2:
            if (t + 1 < n) {
                const std::uint32_t b2 = lexed.tokens.begin(t + 1);
                const std::string next = text.substr(b2, lexed.tokens.end(t + 1) - b2);
                text.replace(b, len + next.size(), next + tok);
            }
            break;
        default:
            text.insert(b, std::string(pick(rng, inserts)) + " ");
            break;
        }
    }
    return text;
}

} // namespace

std::string randomProgram(std::uint64_t seed, bool mutate)
{
    std::string text = ProgramGen(seed).run();
    if (mutate) {
        Rng rng(seed ^ 0xA5A5A5A5ull);
        text = mutateTokens(std::move(text), rng);
    }
    return text;
}

std::string nixosModule(std::uint64_t seed)
{
    Rng rng(seed);
    static constexpr std::array<std::string_view, 12>
        services{"openssh", "nginx", "postgresql", "tailscale", "pipewire", "printing", "fwupd", "avahi", "syncthing", "docker", "prometheus", "grafana"};
    static constexpr std::array<std::string_view, 16>
        packages{"vim", "git", "htop", "ripgrep", "fd", "jq", "curl", "wget", "firefox", "thunderbird", "tmux", "zsh", "python3", "gcc", "gnumake", "unzip"};
    static constexpr std::array<std::string_view, 6> types{"bool", "str", "port", "int", "path", "listOf types.str"};
    const std::string name = std::string(pick(rng, services)) + std::to_string(seed % 1000);
    std::string m;
    m += "# Generated module " + std::to_string(seed) + ": settings for " + name + ".\n";
    m += "{ config, lib, pkgs, ... }:\n\nwith lib;\n\nlet\n  cfg = config.services.\"" + name + "\";\n";
    m += "  defaultPort = " + std::to_string(1024 + rng.below(60000)) + ";\n";
    m += "  configFile = pkgs.writeText \"" + name
        + ".conf\" ''\n    listen ${toString cfg.port}\n    # comment inside the file\n    user = ${cfg.user}\n  '';\nin\n{\n";
    m += "  options.services.\"" + name + "\" = {\n    enable = mkEnableOption \"the " + name + " service\";\n\n";
    const unsigned options = 2 + rng.below(5);
    for (unsigned i = 0; i < options; ++i) {
        m += "    option" + std::to_string(i) + " = mkOption {\n";
        m += "      type = types." + std::string(pick(rng, types)) + ";\n";
        m += "      default = " + std::string(rng.chance(50) ? "null" : "defaultPort") + ";\n";
        m += "      example = literalExpression \"" + std::to_string(rng.below(100)) + "\";\n";
        m += "      description = ''\n        Option number " + std::to_string(i) + " of ${\"" + name + "\"}.\n        See the manual.\n      '';\n    };\n\n";
    }
    m += "    port = mkOption { type = types.port; default = defaultPort; };\n    user = mkOption { type = types.str; default = \"" + name + "\"; };\n  };\n\n";
    m += "  config = mkIf cfg.enable {\n";
    m += "    environment.systemPackages = with pkgs; [\n";
    const unsigned pkgs = 3 + rng.below(10);
    for (unsigned i = 0; i < pkgs; ++i) {
        m += "      " + std::string(pick(rng, packages)) + (rng.chance(20) ? " # needed for scripts\n" : "\n");
    }
    m += "    ];\n\n";
    m += "    networking.firewall.allowedTCPPorts = [ cfg.port " + std::to_string(rng.below(9000)) + " ];\n";
    m += "    users.users.${cfg.user} = {\n      isSystemUser = true;\n      group = cfg.user;\n      home = \"/var/lib/" + name + "\";\n    };\n";
    m += "    users.groups.${cfg.user} = { };\n\n";
    m += "    systemd.services.\"" + name + "\" = {\n      description = \"" + name + " daemon\";\n";
    m += "      wantedBy = [ \"multi-user.target\" ];\n      after = [ \"network.target\" ] ++ optional config.networking.networkmanager.enable "
         "\"NetworkManager.service\";\n";
    m += "      serviceConfig = {\n        ExecStart = \"${pkgs.hello}/bin/hello --config ${configFile}\";\n        Restart = \"on-failure\";\n";
    m += "        DynamicUser = " + std::string(rng.chance(50) ? "true" : "false") + ";\n        StateDirectory = \"" + name + "\";\n      };\n";
    m += "      script = ''\n        set -eu\n        if [ -f /var/lib/" + name
        + "/ready ]; then\n          echo \"''${HOME} ready\"\n        fi\n        exec ${pkgs.coreutils}/bin/true\n      '';\n    };\n\n";
    if (rng.chance(50)) {
        m += "    services.nginx.virtualHosts.\"" + name + ".example.org\" = {\n      forceSSL = true;\n      enableACME = true;\n";
        m += "      locations.\"/\".proxyPass = \"http://127.0.0.1:${toString cfg.port}\";\n    };\n\n";
    }
    m += "    assertions = [\n      {\n        assertion = cfg.port > 1024 || cfg.user == \"root\";\n";
    m += "        message = \"" + name + ": ports below 1024 need root\";\n      }\n    ];\n";
    m += "    boot.kernel.sysctl.\"net.core.somaxconn\" = mkDefault " + std::to_string(128 + rng.below(4096)) + ";\n";
    m += "    time.timeZone = mkDefault \"Europe/Berlin\";\n    i18n.defaultLocale = \"en_US.UTF-8\";\n  };\n}\n";
    return m;
}

} // namespace Snowpane::Nix::Testing

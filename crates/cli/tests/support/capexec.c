/*
 * Helper for tests/kernel_exec.rs: puts a process into a requested
 * capability state, then either execs a copy of itself (which reports what
 * the kernel gave it) or calls setresuid and reports.
 *
 * Usage:  capexec run WORKDIR   < scenarios      (as root)
 *         capexec dump                           (the exec target)
 *
 * One scenario per input line, numbers in decimal except masks (hex):
 *   E id ruid euid suid pI pP pE X pA secbits nnp setuid_root nosuid has_fcap fP fI fE shared_fs traced
 *   U id ruid euid suid pI pP pE X pA secbits nnp new_ruid new_euid new_suid
 *   S id ruid euid suid pI pP pE X pA secbits nnp new_uid        (setuid(2))
 *   F id ruid euid suid pI pP pE X pA secbits nnp new_fsuid      (setfsuid(2))
 * Output per scenario: "BEGIN id", "PRE ..." lines (state just before the
 * exec or setresuid), then the result lines, then "END id".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/fsuid.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <linux/capability.h>

#ifndef PR_CAP_AMBIENT
#define PR_CAP_AMBIENT 47
#define PR_CAP_AMBIENT_RAISE 2
#endif
#ifndef PR_SET_NO_NEW_PRIVS
#define PR_SET_NO_NEW_PRIVS 38
#endif

static void print_status(const char *prefix) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[512];
    if (!f) { printf("%sERR open status %d\n", prefix, errno); return; }
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "Uid:", 4) || !strncmp(line, "Cap", 3) || !strncmp(line, "NoNewPrivs:", 11))
            printf("%s%s", prefix, line);
    }
    fclose(f);
    printf("%sSecbits:\t%d\n", prefix, prctl(PR_GET_SECUREBITS));
}

static int capset3(uint64_t inh, uint64_t prm, uint64_t eff) {
    struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct d[2];
    d[0].effective = (uint32_t)eff;   d[1].effective = (uint32_t)(eff >> 32);
    d[0].permitted = (uint32_t)prm;   d[1].permitted = (uint32_t)(prm >> 32);
    d[0].inheritable = (uint32_t)inh; d[1].inheritable = (uint32_t)(inh >> 32);
    return syscall(SYS_capset, &h, d);
}

static uint64_t current_permitted(void) {
    struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct d[2];
    if (syscall(SYS_capget, &h, d)) return 0;
    return (uint64_t)d[0].permitted | ((uint64_t)d[1].permitted << 32);
}

#define FAIL(what) do { printf("SETUPERR %s %d\n", what, errno); fflush(stdout); _exit(0); } while (0)

/* Child side: reach the requested state. The order matters: inheritable is
 * raised while the bounding set is still full, KEEP_CAPS carries permitted
 * across the uid change, effective is raised again so CAP_SETPCAP allows
 * the securebits, and only then are the sets shrunk to their final values. */
static void setup(unsigned ruid, unsigned euid, unsigned suid, uint64_t pi, uint64_t pp,
                  uint64_t pe, uint64_t x, uint64_t pa, int secbits, int nnp) {
    uint64_t full = current_permitted();
    if (capset3(pi, full, full)) FAIL("capset-inheritable");
    int last = 40;
    FILE *f = fopen("/proc/sys/kernel/cap_last_cap", "r");
    if (f) { if (fscanf(f, "%d", &last) != 1) last = 40; fclose(f); }
    for (int c = 0; c <= last; c++)
        if (!(x >> c & 1) && prctl(PR_CAPBSET_DROP, c, 0, 0, 0)) FAIL("bounding-drop");
    if (ruid || euid || suid) {
        if (prctl(PR_SET_SECUREBITS, 1 << 4, 0, 0, 0)) FAIL("keepcaps");
        if (setresuid(ruid, euid, suid)) FAIL("setresuid");
        if (capset3(pi, full, full)) FAIL("capset-reraise");
    }
    for (int c = 0; c < 64; c++)
        if ((pa >> c & 1) && prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, c, 0, 0)) FAIL("ambient-raise");
    if (prctl(PR_SET_SECUREBITS, secbits, 0, 0, 0)) FAIL("securebits");
    if (capset3(pi, pp, pe)) FAIL("capset-final");
    if (nnp && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) FAIL("nnp");
}

static int copy_self(const char *to) {
    int in = open("/proc/self/exe", O_RDONLY), out;
    char buf[65536];
    ssize_t n;
    if (in < 0) return -1;
    out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    if (out < 0) return -1;
    while ((n = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, n) != n) return -1;
    close(in);
    close(out);
    return 0;
}

static int set_file_caps(const char *path, int has, uint64_t fp, uint64_t fi, int fe) {
    if (!has) {
        if (removexattr(path, "security.capability") && errno != ENODATA) return -1;
        return 0;
    }
    /* struct vfs_cap_data, revision 2, little-endian. */
    uint32_t v[5];
    v[0] = 0x02000000u | (fe ? 1u : 0u);
    v[1] = (uint32_t)fp; v[2] = (uint32_t)fi;
    v[3] = (uint32_t)(fp >> 32); v[4] = (uint32_t)(fi >> 32);
    return setxattr(path, "security.capability", v, sizeof v, 0);
}

static int run(const char *dir) {
    char plain[4096], pdir[4096], nosuid[4096], nsdir[4096], line[1024];
    snprintf(pdir, sizeof pdir, "%s/plain", dir);
    snprintf(plain, sizeof plain, "%s/plain/target", dir);
    snprintf(nsdir, sizeof nsdir, "%s/nosuid", dir);
    snprintf(nosuid, sizeof nosuid, "%s/nosuid/target", dir);
    mkdir(pdir, 0755);
    mkdir(nsdir, 0755);
    /* A private mount namespace with two fresh tmpfs mounts: one normal, so
     * the host's own mount flags for the temp dir (nosuid /tmp) cannot
     * interfere, and one nosuid. Neither leaks out of this process. */
    int have_mounts = 0, have_nosuid = 0;
    if (!unshare(CLONE_NEWNS) && !mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL)) {
        have_mounts = !mount("tmpfs", pdir, "tmpfs", 0, "mode=0755");
        if (!mount("tmpfs", nsdir, "tmpfs", MS_NOSUID, "mode=0755") && !copy_self(nosuid))
            have_nosuid = 1;
    }
    if (copy_self(plain)) { perror("copy"); return 1; }
    printf("PLAINMOUNT %d\n", have_mounts);
    printf("NOSUID %d\n", have_nosuid);
    while (fgets(line, sizeof line, stdin)) {
        char kind;
        long id;
        unsigned r, e, s, nr = 0, ne = 0, ns = 0;
        unsigned long long pi, pp, pe, x, pa, fp = 0, fi = 0;
        int sb, nnp, su = 0, nos = 0, has = 0, fe = 0, shared = 0, traced = 0;
        int n = sscanf(line, "%c %ld %u %u %u %llx %llx %llx %llx %llx %d %d", &kind, &id, &r, &e, &s,
                       &pi, &pp, &pe, &x, &pa, &sb, &nnp);
        if (n != 12) { printf("BADLINE %s", line); continue; }
        const char *target = plain;
        if (kind == 'E') {
            /* skip the first 12 fields */
            char *p = line;
            for (int i = 0; i < 12; i++) { p = strchr(p, ' '); if (!p) break; p++; }
            if (!p || sscanf(p, "%d %d %d %llx %llx %d %d %d", &su, &nos, &has, &fp, &fi, &fe, &shared, &traced) != 8) {
                printf("BADLINE %s", line); continue;
            }
            if (nos && !have_nosuid) { printf("BEGIN %ld\nNOSUIDUNAVAILABLE\nEND %ld\n", id, id); continue; }
            target = nos ? nosuid : plain;
            if (chmod(target, su ? 04755 : 0755) || set_file_caps(target, has, fp, fi, fe)) {
                printf("BEGIN %ld\nPREPERR %d\nEND %ld\n", id, errno, id); continue;
            }
        } else if (kind == 'U' || kind == 'S' || kind == 'F') {
            char *p = line;
            for (int i = 0; i < 12; i++) { p = strchr(p, ' '); if (!p) break; p++; }
            int want = kind == 'U' ? 3 : 1;
            if (!p || sscanf(p, "%u %u %u", &nr, &ne, &ns) != want) { printf("BADLINE %s", line); continue; }
        } else { printf("BADLINE %s", line); continue; }
        printf("BEGIN %ld\n", id);
        fflush(stdout);
        /* shared_fs: a clone sharing our fs_struct (CLONE_FS), which makes
         * the kernel treat the child's exec as unsafe (LSM_UNSAFE_SHARE). */
        pid_t pid = shared ? (pid_t)syscall(SYS_clone, CLONE_FS | SIGCHLD, 0, 0, 0, 0) : fork();
        if (pid == 0) {
            setup(r, e, s, pi, pp, pe, x, pa, sb, nnp);
            /* With PTRACE_TRACEME the kernel records the child's own
             * credentials as the tracer's, so whether the "tracer" holds
             * CAP_SYS_PTRACE depends on this process's effective set. */
            if (traced && ptrace(PTRACE_TRACEME, 0, 0, 0)) FAIL("traceme");
            print_status("PRE ");
            fflush(stdout);
            if (kind == 'E') {
                char *argv[] = { (char *)target, "dump", NULL };
                char *envp[] = { NULL };
                execve(target, argv, envp);
                printf("EXECERR %d\n", errno);
            } else {
                int rc = kind == 'U' ? setresuid(nr, ne, ns) : kind == 'S' ? setuid(nr) : (setfsuid(nr), 0);
                if (rc) printf("SETRESUIDERR %d\n", errno);
                else print_status("");
            }
            fflush(stdout);
            _exit(0);
        }
        int st;
        /* A traced child stops with SIGTRAP after a successful exec; the
         * credentials are already computed then, so just let it go. */
        while (waitpid(pid, &st, 0) == pid && WIFSTOPPED(st))
            ptrace(PTRACE_DETACH, pid, 0, 0);
        printf("END %ld\n", id);
        fflush(stdout);
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 2 && !strcmp(argv[1], "dump")) {
        print_status("");
        printf("AtSecure:\t%lu\n", getauxval(AT_SECURE));
        return 0;
    }
    if (argc >= 3 && !strcmp(argv[1], "run")) return run(argv[2]);
    fprintf(stderr, "usage: capexec run WORKDIR < scenarios | capexec dump\n");
    return 2;
}

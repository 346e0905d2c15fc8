import { describe, expect, it } from "vitest";
import { matchPrompt } from "./prompts.ts";

describe("matchPrompt", () => {
  it.each([
    ["linux-vm4:/etc/xen/vm # virsh domiflist 6", "linux-vm4:/etc/xen/vm # ", "suse-root", "shell"],
    ["g212:~ # (df -h ; mount) | grep sda1", "g212:~ # ", "suse-root", "shell"],
    ["bamvor@linux-bjrd:~> cat bin/git_diff_wrapper", "bamvor@linux-bjrd:~> ", "suse-user", "shell"],
    ["bamvor@linux-bvirt:libxml2-2.7.6> autoreconf --force --install", "bamvor@linux-bvirt:libxml2-2.7.6> ", "suse-user", "shell"],
    ["bamvor@linux-bvirt:home:bjzhang:branches:SUSE:SLE-11-SP1:Update:Test> osc results", "bamvor@linux-bvirt:home:bjzhang:branches:SUSE:SLE-11-SP1:Update:Test> ", "suse-user", "shell"],
    ["user@host:~$ ls -l", "user@host:~$ ", "user-dollar", "shell"],
    ["root@host:/etc# cat fstab", "root@host:/etc# ", "user-hash", "shell"],
    ["[root@localhost fisco]# ls | grep ^[PM]TL_", "[root@localhost fisco]# ", "bracket-hash", "shell"],
    ["[root@Imote2-26 tosmac]#ps aux | grep fisco_PTL_0804_r-pid_parse-arg ", "[root@Imote2-26 tosmac]#", "bracket-hash", "shell"],
    ["[bamv26@localhost fisco]$ su", "[bamv26@localhost fisco]$ ", "bracket-dollar", "shell"],
    ["$ git status", "$ ", "dollar", "shell"],
    ["% make", "% ", "percent", "shell"],
    ["PS C:\\> Get-ChildItem", "PS C:\\> ", "powershell", "shell"],
    ["(gdb) break blk_event ", "(gdb) ", "gdb", "gdb"],
    ["(gdb) ", "(gdb) ", "gdb", "gdb"],
    ["(lldb) bt", "(lldb) ", "lldb", "gdb"],
    ["(Pdb) n", "(Pdb) ", "pdb", "repl"],
    [">>> import os", ">>> ", "python", "repl"],
    ["mysql> show tables;", "mysql> ", "mysql", "repl"],
    ["sqlite> .tables", "sqlite> ", "sqlite", "repl"],
    ["irb(main):001:0> 1 + 1", "irb(main):001:0> ", "irb", "repl"],
    ["=> select 1;", "=> ", "psql", "repl"],
    ["virsh # create sles11_pv_6.xml", "virsh # ", "virsh", "repl"],
  ])("reads %j", (line, prompt, style, kind) => {
    expect(matchPrompt(line)).toMatchObject({ prompt, style, kind });
  });

  it.each([
    "$RM \"$cfgfile\"",
    "qemu-dm -d 1 -domain-name sles11_hvm_10 -vnc 127.0.0.1:0",
    "info blockstats",
    "mount.nfs: timeout set for Wed Nov  7 15:00:44 2012",
    "Nov 07 14:59:16 linux-iwgo rpcbind[21209]: Cannot open '/var/lib/rpcbind/rpc...)",
    "$5 = 12",
    "gdb) p arg",
    "> osc up",
    "# du -s *",
  ])("does not read %j as a prompt", (line) => {
    expect(matchPrompt(line)).toBeNull();
  });

  it("reads `> ` only when the caller says it is a prompt there", () => {
    expect(matchPrompt("> osc up", { bare: true })).toMatchObject({ prompt: "> ", style: "angle" });
    expect(matchPrompt("# du -s *", { bare: true })).toMatchObject({ prompt: "# ", style: "hash" });
    expect(matchPrompt("# du -s *")).toBeNull();
  });
});

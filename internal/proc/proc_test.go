package proc

import (
	"os"
	"os/exec"
	"runtime"
	"slices"
	"testing"
)

func TestTreeHoldsAChild(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	cmd := exec.Command("sleep", "5")
	if err := cmd.Start(); err != nil {
		t.Skip("no sleep command:", err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	me := os.Getpid()
	if !slices.Contains(Children()[me], cmd.Process.Pid) {
		t.Errorf("child %d not listed under %d", cmd.Process.Pid, me)
	}
	if !Alive(cmd.Process.Pid) {
		t.Errorf("child %d not alive", cmd.Process.Pid)
	}
	tree := Tree(me)
	if tree[0] != me || !slices.Contains(tree, cmd.Process.Pid) {
		t.Errorf("Tree(%d) = %v, want it first and child %d in it", me, tree, cmd.Process.Pid)
	}
}

func TestAliveAfterExit(t *testing.T) {
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true command:", err)
	}
	if Alive(cmd.Process.Pid) {
		t.Errorf("exited and reaped process %d reported alive", cmd.Process.Pid)
	}
	if Alive(0) || Alive(-1) {
		t.Error("pid 0 or -1 reported alive")
	}
}

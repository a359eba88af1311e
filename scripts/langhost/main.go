// Command pulumi-language-nodejs is a small Node.js language host for Pulumi, written for this
// project's TEST TOOLING ONLY.
//
// Nobody with an installed Pulumi CLI needs it: the CLI release ships the real host. It exists
// because scripts/pulumi-cli.sh builds the Pulumi CLI from Go modules on machines that cannot
// download release binaries, and the real host's Go module
// (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is not always available from
// the module proxy. The last host that still lived inside github.com/pulumi/pulumi/sdk/v3
// (v3.68.0) cannot run policy packs (RunPlugin answers "not supported"). This host is written
// against the sdk/v3 v3.248.0 gRPC types and follows the behaviour of the v3.248.0 host for
// what this project uses:
//
//   - Run: runs `node <resolved @pulumi/pulumi/cmd/run> --monitor … --engine … <entry point>` in the
//     program folder, with PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS and the TypeScript env vars.
//     The node process talks to the engine's resource monitor directly (the real host puts a
//     forwarding proxy in between, only needed for the long-removed synchronous invokes).
//   - RunPlugin: runs policy packs (`@pulumi/pulumi/cmd/run-policy-pack`, working directory = the
//     pack, arguments = the request's args then the pack folder) behind the SDK's PolicyProxy,
//     which hands the stack configuration to old packs through env vars; other plugin kinds run
//     `@pulumi/pulumi/cmd/run-plugin`. Output is streamed back, the exit code sent last.
//   - GetRequiredPackages: resource plugins named by top-level node_modules packages
//     ({"pulumi": {"resource": true}}); the real host searches node_modules deeply.
//   - InstallDependencies: reports success when node_modules exists, else runs the package
//     manager's install (npm unless options/lockfile say yarn, pnpm or bun).
//   - Handshake, GetPluginInfo, About, GetProgramDependencies (direct dependencies only),
//     RuntimeOptionsPrompts, Template, Cancel. Code generation (GenerateProgram, Pack, …),
//     the bun runtime, fnm/.nvmrc handling and debugger attachment are not implemented.
//
// The engine starts it as `pulumi-language-nodejs [--logtostderr] [-v=N] [--tracing URL] ENGINE`
// (older engines also passed -root=, -typescript=, -tsconfig=, -nodeargs=, …): unknown flags
// are accepted and ignored. It prints its gRPC port on stdout, like every Pulumi plugin.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Exit code with which @pulumi/pulumi's run script says "the user has already seen the error".
const exitAfterUserActionableMessage = 32

func main() {
	opts := parseArgs(os.Args[1:])
	if opts.showVersion {
		fmt.Println(pluginVersion())
		return
	}
	logging.InitLogging(opts.logToStderr, opts.verbose, false)
	cmdutil.InitTracing("pulumi-language-nodejs", "pulumi-language-nodejs", opts.tracing)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	cancel := make(chan bool)
	go func() { <-ctx.Done(); stop(); close(cancel) }()

	if opts.engine != "" {
		// Exit when the engine goes away, like every plugin.
		if err := rpcutil.Healthcheck(ctx, opts.engine, 5*time.Minute, stop); err != nil {
			cmdutil.Exit(fmt.Errorf("could not start health check host RPC server: %w", err))
		}
	}

	hostCtx, hostCancel := context.WithCancel(context.Background())
	host := &langHost{engine: opts.engine, tracing: opts.tracing, cancelCtx: hostCtx, cancel: hostCancel}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
		Options: rpcutil.TracingServerInterceptorOptions(nil),
	})
	if err != nil {
		cmdutil.Exit(fmt.Errorf("could not start language host RPC server: %w", err))
	}
	fmt.Printf("%d\n", handle.Port) // the engine reads the port from our first stdout line
	if err := <-handle.Done; err != nil {
		cmdutil.Exit(fmt.Errorf("language host RPC stopped serving: %w", err))
	}
}

type cliOptions struct {
	engine, tracing string
	logToStderr     bool
	verbose         int
	showVersion     bool
}

// parseArgs reads the flags the engine may pass and tolerates any others (Go's flag package
// would exit on an unknown one). The first positional argument is the engine address.
func parseArgs(args []string) cliOptions {
	// Flags that take a value; given without "=", the value is the next argument.
	withValue := map[string]bool{
		"tracing": true, "runtime": true, "root": true, "binary": true, "tsconfig": true,
		"nodeargs": true, "packagemanager": true, "v": true, "log_dir": true, "vmodule": true,
	}
	var o cliOptions
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !hasValue && withValue[name] && i+1 < len(args) {
			i++
			value = args[i]
		}
		switch name {
		case "tracing":
			o.tracing = value
		case "logtostderr":
			o.logToStderr = !hasValue || value == "true"
		case "v":
			o.verbose, _ = strconv.Atoi(value)
		case "version":
			o.showVersion = true
		default:
			// -root, -binary, -typescript, -tsconfig, -nodeargs, -packagemanager, -runtime, …:
			// accepted and ignored (the engine now sends runtime options in ProgramInfo).
		}
	}
	if len(positional) > 0 {
		o.engine = positional[0]
	}
	return o
}

func pluginVersion() string {
	if version.Version != "" {
		return version.Version
	}
	return "v3.248.0-eosvolt-test"
}

// langHost implements pulumirpc.LanguageRuntimeServer; methods it does not define answer
// "unimplemented" through the embedded type.
type langHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engine, tracing string
	cancelCtx       context.Context // done after the Cancel RPC
	cancel          context.CancelFunc
}

// nodeOptions are the runtime options of Pulumi.yaml / PulumiPolicy.yaml (`runtime.options`).
type nodeOptions struct {
	typescript     bool
	tsconfig       string
	nodeargs       []string
	packagemanager string
}

func parseOptions(info *pulumirpc.ProgramInfo) (nodeOptions, error) {
	o := nodeOptions{typescript: true, packagemanager: "auto"}
	m := info.GetOptions().AsMap()
	if v, ok := m["typescript"]; ok {
		b, ok := v.(bool)
		if !ok {
			return o, errors.New("typescript option must be a boolean")
		}
		o.typescript = b
	}
	if v, ok := m["tsconfig"]; ok {
		s, ok := v.(string)
		if !ok {
			return o, errors.New("tsconfig option must be a string")
		}
		o.tsconfig = s
	}
	if v, ok := m["nodeargs"]; ok {
		s, ok := v.(string)
		if !ok {
			return o, errors.New("nodeargs option must be a string")
		}
		o.nodeargs = strings.Fields(s) // the real host uses shell-style splitting
	}
	if v, ok := m["packagemanager"]; ok {
		s, ok := v.(string)
		if !ok {
			return o, errors.New("packagemanager option must be a string")
		}
		o.packagemanager = s
	}
	return o, nil
}

// tsEnv is what the SDK's run scripts read to decide on ts-node and a tsconfig.
func (o nodeOptions) tsEnv() []string {
	var env []string
	if o.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if o.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+o.tsconfig)
	}
	return env
}

// locateModule resolves a module (e.g. "@pulumi/pulumi/cmd/run") from dir with node itself, so the
// copy of @pulumi/pulumi the program would load is the one that runs it.
func locateModule(ctx context.Context, nodeBin, dir, mod, hint string) (string, error) {
	script := fmt.Sprintf("try { console.log(require.resolve(%q)); } catch (e) { "+
		"console.error(e.code === 'MODULE_NOT_FOUND' ? %q : e.message); process.exit(1); }",
		mod, "It looks like the Pulumi SDK has not been installed. Have you run "+hint+"?")
	cmd := exec.CommandContext(ctx, nodeBin, "-e", script)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", errors.New(strings.TrimSpace(string(ee.Stderr)))
		}
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

func (h *langHost) Handshake(ctx context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.engine = req.EngineAddress
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *langHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: pluginVersion()}, nil
}

// GetRequiredPlugins is superseded by GetRequiredPackages; v3.248.0's host does the same.
func (h *langHost) GetRequiredPlugins(context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return nil, status.Error(codes.Unimplemented, "method GetRequiredPlugins not implemented")
}

// packageJSON is the part of a package.json this host reads.
type packageJSON struct {
	Name            string                  `json:"name"`
	Version         string                  `json:"version"`
	Pulumi          plugin.PulumiPluginJSON `json:"pulumi"`
	Dependencies    map[string]string       `json:"dependencies"`
	DevDependencies map[string]string       `json:"devDependencies"`
}

func readPackageJSON(path string) (*packageJSON, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p packageJSON
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &p, nil
}

// GetRequiredPackages lists resource plugins of the packages directly under node_modules
// (node_modules/<name> and node_modules/@scope/<name>). This project only uses dynamic
// providers, so the list is normally empty.
func (h *langHost) GetRequiredPackages(ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	nm := filepath.Join(req.GetInfo().GetProgramDirectory(), "node_modules")
	var files []string
	for _, pattern := range []string{"*/package.json", "@*/*/package.json"} {
		m, _ := filepath.Glob(filepath.Join(nm, pattern))
		files = append(files, m...)
	}
	var pkgs []*pulumirpc.PackageDependency
	for _, f := range files {
		p, err := readPackageJSON(f)
		if err != nil || !p.Pulumi.Resource {
			continue
		}
		name := p.Pulumi.Name
		if name == "" && strings.HasPrefix(p.Name, "@pulumi/") {
			name = strings.TrimPrefix(p.Name, "@pulumi/")
		}
		ver := p.Pulumi.Version
		if ver == "" {
			ver = p.Version
		}
		if name == "" || ver == "" {
			logging.V(3).Infof("skipping %s: no plugin name or version", f)
			continue
		}
		if !strings.HasPrefix(ver, "v") {
			ver = "v" + ver
		}
		dep := &pulumirpc.PackageDependency{Name: name, Kind: "resource", Version: ver, Server: p.Pulumi.Server}
		if pz := p.Pulumi.Parameterization; pz != nil {
			dep.Parameterization = &pulumirpc.PackageParameterization{
				Name: pz.Name, Version: pz.Version, Value: pz.Value,
			}
		}
		pkgs = append(pkgs, dep)
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: pkgs}, nil
}

// Run executes the Pulumi program with @pulumi/pulumi's run script.
func (h *langHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	if h.engine == "" {
		return nil, errors.New("when debugging or running explicitly, must call Handshake before Run")
	}
	info := req.GetInfo()
	opts, err := parseOptions(info)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return &pulumirpc.RunResponse{Error: "could not find node on the $PATH: " + err.Error()}, nil
	}
	runPath := os.Getenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH")
	if runPath == "" {
		runPath = "@pulumi/pulumi/cmd/run"
	}
	runPath, err = locateModule(ctx, nodeBin, info.GetProgramDirectory(), runPath, "pulumi install")
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	args := append([]string{}, opts.nodeargs...)
	args = append(args, runPath)
	flagArg := func(k, v string) {
		if v != "" {
			args = append(args, "--"+k, v)
		}
	}
	flagArg("monitor", req.GetMonitorAddress())
	flagArg("engine", h.engine)
	flagArg("organization", req.GetOrganization())
	flagArg("project", req.GetProject())
	flagArg("root-directory", info.GetRootDirectory())
	flagArg("stack", req.GetStack())
	flagArg("pwd", info.GetProgramDirectory())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	flagArg("parallel", strconv.Itoa(int(req.GetParallel())))
	flagArg("tracing", h.tracing)
	args = append(args, info.GetEntryPoint()) // "." for the program folder
	args = append(args, req.GetArgs()...)

	// Config keys go to the program in the old "<namespace>:config:<name>" form, which every
	// @pulumi/pulumi version reads.
	cfg := map[string]string{}
	for k, v := range req.GetConfig() {
		key, err := config.ParseKey(k)
		if err != nil {
			return &pulumirpc.RunResponse{Error: "failed to serialize configuration: " + err.Error()}, nil
		}
		cfg[key.Namespace()+":config:"+key.Name()] = v
	}
	cfgJSON, _ := json.Marshal(cfg)
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretJSON, _ := json.Marshal(secretKeys)
	env := append(os.Environ(), "PULUMI_CONFIG="+string(cfgJSON), "PULUMI_CONFIG_SECRET_KEYS="+string(secretJSON))
	env = append(env, opts.tsEnv()...)
	if req.GetAttachDebugger() {
		logging.V(3).Infof("attach_debugger is not supported by this test language host; running normally")
	}

	// Stop the program on the Cancel RPC or when the engine drops the request.
	cmdCtx, cmdCancel := context.WithCancel(h.cancelCtx)
	defer cmdCancel()
	context.AfterFunc(ctx, cmdCancel)
	cmd := exec.CommandContext(cmdCtx, nodeBin, args...)
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	cmd.Env = env
	// Node may switch its stdio to non-blocking mode; wrapping the files makes exec copy through
	// pipes instead of handing them over.
	cmd.Stdout = struct{ io.Writer }{os.Stdout}
	cmd.Stderr = struct{ io.Writer }{os.Stderr}
	logging.V(5).Infof("language host launching: %s %s", nodeBin, strings.Join(args, " "))

	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("Problem executing program (could not run language executor): %v", err),
			}, nil
		}
		switch code := ee.ExitCode(); code {
		case exitAfterUserActionableMessage:
			return &pulumirpc.RunResponse{Bail: true}, nil
		case 0:
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited unexpectedly: %v", ee)}, nil
		default:
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", code)}, nil
		}
	}
	return &pulumirpc.RunResponse{}, nil
}

// RunPlugin runs a plugin written in Node.js: policy packs (kind "analyzer") and others.
func (h *langHost) RunPlugin(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	ctx := server.Context()
	info := req.GetInfo()
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	opts, err := parseOptions(info)
	if err != nil {
		return err
	}
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return fmt.Errorf("could not find node on the $PATH: %w", err)
	}
	isPolicy := req.GetKind() == "analyzer"
	runPath := "@pulumi/pulumi/cmd/run-policy-pack"
	if !isPolicy {
		if runPath = os.Getenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH"); runPath == "" {
			runPath = "@pulumi/pulumi/cmd/run-plugin"
		}
	}
	dir := info.GetProgramDirectory()
	runPath, err = locateModule(ctx, nodeBin, dir, runPath, "npm install in "+dir)
	if err != nil {
		return err
	}

	args := append([]string{runPath}, opts.nodeargs...)
	if isPolicy { // policy packs take the pack folder last, other plugins first
		args = append(append(args, req.GetArgs()...), dir)
	} else {
		args = append(append(args, dir), req.GetArgs()...)
	}
	env := append(append([]string{}, req.GetEnv()...), opts.tsEnv()...)

	// Policy packs written for older @pulumi/policy read the stack from env vars, so the SDK's
	// PolicyProxy answers the engine first (it prints its own port on our stdout), waits for
	// ConfigureStack, then forwards every call to the pack once it has started.
	var proxy *sdk.PolicyProxy
	if isPolicy {
		proxy, stdout, err = sdk.NewPolicyProxy(ctx, stdout)
		if err != nil {
			return fmt.Errorf("could not start policy pack proxy: %w", err)
		}
		stack, err := proxy.AwaitConfiguration(ctx)
		if err != nil {
			return fmt.Errorf("could not get stack configuration: %w", err)
		}
		if stack != nil {
			addEnv := func(k, v string) {
				if v != "" {
					env = append(env, k+"="+v)
				}
			}
			addEnv("PULUMI_NODEJS_ORGANIZATION", stack.Organization)
			addEnv("PULUMI_NODEJS_PROJECT", stack.Project)
			addEnv("PULUMI_NODEJS_STACK", stack.Stack)
			addEnv("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(stack.DryRun))
			if stack.Config != nil {
				b, err := json.Marshal(stack.Config)
				if err != nil {
					return fmt.Errorf("could not marshal stack configuration: %w", err)
				}
				addEnv("PULUMI_CONFIG", string(b))
			}
		}
	}

	cmd := exec.CommandContext(ctx, nodeBin, args...)
	if isPolicy {
		cmd.Dir = dir // policy packs have always run from their own folder
	} else {
		cmd.Dir = req.GetPwd()
	}
	if len(env) > 0 {
		cmd.Env = env
	}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	logging.V(5).Infof("language host launching plugin: %s", cmd)

	if err := cmd.Start(); err != nil {
		return fmt.Errorf("Problem executing plugin program (could not run language executor): %w", err)
	}
	if proxy != nil {
		err = proxy.Attach(ctx, cmd) // returns when the pack exits
	} else {
		err = cmd.Wait()
	}
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return err
		}
		code = ee.ExitCode()
	}
	if err := closer.Close(); err != nil {
		return err
	}
	return server.Send(&pulumirpc.RunPluginResponse{
		Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: int32(code)}, //nolint:gosec // exit codes fit
	})
}

// InstallDependencies reports success when node_modules exists; otherwise it installs with the
// package manager (npm, or yarn/pnpm/bun when configured or when their lockfile is present).
func (h *langHost) InstallDependencies(req *pulumirpc.InstallDependenciesRequest,
	server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()
	dir := req.GetInfo().GetProgramDirectory()
	if dir == "" {
		dir = req.GetDirectory() //nolint:staticcheck // older engines
	}
	opts, err := parseOptions(req.GetInfo())
	if err != nil {
		return fmt.Errorf("failed to parse options: %w", err)
	}
	if st, err := os.Stat(filepath.Join(dir, "node_modules")); err == nil && st.IsDir() {
		fmt.Fprintf(stdout, "Dependencies already installed in %s (node_modules exists)\n\n", dir)
		return closer.Close()
	}
	pm := opts.packagemanager
	if pm == "" || pm == "auto" {
		pm = "npm"
		for lock, name := range map[string]string{
			"yarn.lock": "yarn", "pnpm-lock.yaml": "pnpm", "bun.lock": "bun", "bun.lockb": "bun",
		} {
			if _, err := os.Stat(filepath.Join(dir, lock)); err == nil {
				pm = name
			}
		}
	}
	fmt.Fprintf(stdout, "Installing dependencies with %s install...\n\n", pm)
	cmd := exec.CommandContext(server.Context(), pm, "install")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s install failed: %w", pm, err)
	}
	fmt.Fprintf(stdout, "Finished installing dependencies\n\n")
	return closer.Close()
}

// GetProgramDependencies lists the program's direct dependencies with their installed versions
// (`pulumi about`); transitive dependencies are not listed.
func (h *langHost) GetProgramDependencies(ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	dir := req.GetInfo().GetProgramDirectory()
	p, err := readPackageJSON(filepath.Join(dir, "package.json"))
	if err != nil {
		return nil, fmt.Errorf("failed to get node dependencies: %w", err)
	}
	var deps []*pulumirpc.DependencyInfo
	for _, m := range []map[string]string{p.Dependencies, p.DevDependencies} {
		for name, wanted := range m {
			ver := wanted
			if inst, err := readPackageJSON(filepath.Join(dir, "node_modules", name, "package.json")); err == nil {
				ver = inst.Version
			}
			deps = append(deps, &pulumirpc.DependencyInfo{Name: name, Version: ver})
		}
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

func (h *langHost) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("could not find executable %q: %w", "node", err)
	}
	resp := &pulumirpc.AboutResponse{Executable: nodeBin, Metadata: map[string]string{"packagemanager": "npm"}}
	if out, err := exec.CommandContext(ctx, nodeBin, "--version").Output(); err == nil {
		resp.Version = strings.TrimSpace(string(out))
	}
	return resp, nil
}

func (h *langHost) RuntimeOptionsPrompts(context.Context, *pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

func (h *langHost) Template(context.Context, *pulumirpc.TemplateRequest) (*pulumirpc.TemplateResponse, error) {
	return &pulumirpc.TemplateResponse{}, nil
}

// Cancel interrupts running programs (the engine calls it on Ctrl-C).
func (h *langHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	h.cancel()
	return &emptypb.Empty{}, nil
}

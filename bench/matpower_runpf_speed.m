% runpf solves per second on case14, for `vkrl bench grid`: octave-cli matpower_runpf_speed.m MATPOWER_DIR SECONDS
% Prints the rate and Octave's version.
args = argv();
root = args{1};
seconds = str2double(args{2});
addpath(fullfile(root, 'lib'), fullfile(root, 'data'));
addpath(genpath(fullfile(root, 'mips', 'lib')), genpath(fullfile(root, 'mp-opt-model', 'lib')));
addpath(genpath(fullfile(root, 'mptest', 'lib')));
mpc = loadcase('case14');
mpopt = mpoption('verbose', 0, 'out.all', 0);
r = runpf(mpc, mpopt);  % warm-up
if ~r.success
  error('runpf did not converge on case14');
end
count = 0;
start = tic;
while toc(start) < seconds
  runpf(mpc, mpopt);
  count = count + 1;
end
printf('%.3f %s\n', count / toc(start), version());

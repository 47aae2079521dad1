// The stand-in programs of the sample server: small Perl scripts that append one line per call
// ("name argv...") to a shared calls log, so tests can check what ran and in which order.
// Paths are baked in as hex (pack 'H*'), so no file name can break the Perl source.

const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex');

/** Common head: strict Perl, the calls log, record() and the pause hook used by crash tests. */
function head(callsLog: string, stateDir: string): string {
  return `#!/usr/bin/perl
use strict;
use warnings;
use Fcntl qw(:flock);
my $CALLS = pack('H*', '${hex(callsLog)}');
my $STATE = pack('H*', '${hex(stateDir)}');
sub record {
  my @words = @_;
  open(my $fh, '>>', $CALLS) or die "cannot write $CALLS: $!\\n";
  flock($fh, LOCK_EX);
  print $fh join(' ', @words), "\\n";
  close($fh);
}
# SANDBOX_PAUSE_AT=NAME makes the stand-in NAME wait (after recording its call) until the file
# STATE/release-NAME exists, announcing itself with STATE/paused-NAME: a test can then kill the
# wizard in the middle of that step. In those file names a "/" of NAME becomes "_".
sub pause_hook {
  my ($name) = @_;
  my $at = $ENV{SANDBOX_PAUSE_AT} // '';
  return unless $at eq $name;
  $name =~ tr{/}{_};
  if (open(my $m, '>', "$STATE/paused-$name")) { close($m); }
  for (1 .. 1200) {
    last if -e "$STATE/release-$name";
    select(undef, undef, undef, 0.1);
  }
}
`;
}

/** An init script: records "init.d/NAME ACTION", keeps a running marker for pgrep. */
export function initScript(name: string, callsLog: string, stateDir: string): string {
  return `${head(callsLog, stateDir)}
my $name = pack('H*', '${hex(name)}');
my $action = $ARGV[0] // '';
record("init.d/$name", @ARGV);
pause_hook("init.d/$name");
my $marker = "$STATE/running/$name";
if ($action eq 'start') {
  open(my $m, '>', $marker) or die "cannot write $marker: $!\\n";
  close($m);
  print "Starting $name: [  OK  ]\\n";
} elsif ($action eq 'stop') {
  unlink($marker);
  print "Stopping $name: [  OK  ]\\n";
} elsif ($action eq 'restart') {
  print "Restarting $name: [  OK  ]\\n";
} elsif ($action eq 'status') {
  if (-e $marker) { print "$name is running\\n"; exit 0; }
  print "$name is stopped\\n";
  exit 3;
} else {
  print STDERR "Usage: $name {start|stop|restart|status}\\n";
  exit 2;
}
exit 0;
`;
}

/** `service NAME ACTION`: delegates to ROOT/etc/init.d/NAME, as the real one does. */
export function serviceScript(root: string, callsLog: string, stateDir: string): string {
  return `${head(callsLog, stateDir)}
my $ROOT = pack('H*', '${hex(root)}');
record('service', @ARGV);
my ($name, @rest) = @ARGV;
if (!defined $name || $name !~ /^[A-Za-z0-9][A-Za-z0-9_.\\@-]*$/) {
  print STDERR "Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\\n";
  exit 1;
}
my $script = "$ROOT/etc/init.d/$name";
if (!-x $script) {
  print STDERR "$name: unrecognized service\\n";
  exit 1;
}
exec { $script } $script, @rest;
die "cannot run $script: $!\\n";
`;
}

/** `chkconfig --list NAME` and `chkconfig NAME on|off`; the setting is kept in the state dir. */
export function chkconfigScript(callsLog: string, stateDir: string): string {
  return `${head(callsLog, stateDir)}
record('chkconfig', @ARGV);
if (@ARGV == 2 && $ARGV[0] eq '--list') {
  my $name = $ARGV[1];
  my $on = -e "$STATE/chkconfig-$name";
  printf "%s\\t0:off\\t1:off\\t2:%s\\t3:%s\\t4:%s\\t5:%s\\t6:off\\n", $name, map { $on ? 'on' : 'off' } 1 .. 4;
  exit 0;
}
if (@ARGV == 2 && $ARGV[0] =~ /^[A-Za-z0-9][A-Za-z0-9_.\\@-]*$/ && ($ARGV[1] eq 'on' || $ARGV[1] eq 'off')) {
  my $file = "$STATE/chkconfig-$ARGV[0]";
  if ($ARGV[1] eq 'on') { open(my $m, '>', $file) or die "$file: $!\\n"; close($m); } else { unlink($file); }
  exit 0;
}
print STDERR "usage: chkconfig [--list] [name] | chkconfig name on|off\\n";
exit 2;
`;
}

/** `pgrep [options] PATTERN`: running only when STATE/running/PATTERN exists. */
export function pgrepScript(callsLog: string, stateDir: string): string {
  return `${head(callsLog, stateDir)}
record('pgrep', @ARGV);
my $pattern = $ARGV[-1] // '';
exit 1 unless $pattern =~ /^[A-Za-z0-9_.\\@-]+$/;
if (-e "$STATE/running/$pattern") { print "4242\\n"; exit 0; }
exit 1;
`;
}

/** A vendor Perl tool of the new package: records its call, checks what it needs, says so. */
export function toolScript(name: string, callsLog: string, stateDir: string, body: string): string {
  return `${head(callsLog, stateDir)}
my $name = pack('H*', '${hex(name)}');
record($name, @ARGV);
pause_hook($name);
${body}
exit 0;
`;
}

export const TOOL_BODIES: Record<string, string> = {
  'check_compile_error.pl': `my $dir = $ARGV[0] // die "usage: check_compile_error.pl DIR\\n";
die "$dir: no such directory\\n" unless -d $dir;
print "checked $dir: no compile error, no missing module\\n";`,
  'database_upgrade.pl': `die "usage: database_upgrade.pl --start\\n" unless ($ARGV[0] // '') eq '--start';
print "upgrading database stask_mpi to 5.5 ...\\n";
print "database upgrade finished\\n";`,
  'custom_symlink.pl': `my ($verb, $uid) = @ARGV;
die "usage: custom_symlink.pl make UID\\n" unless ($verb // '') eq 'make' && ($uid // '') =~ /^[A-Z]{3,4}$/;
die "../../public_html/custom: no such directory (run mkdir -p first)\\n" unless -d '../../public_html/custom';
print "custom part $uid linked\\n";`,
  'install_license.pl': `die "usage: install_license.pl --install FILE\\n" unless ($ARGV[0] // '') eq '--install' && defined $ARGV[1];
die "$ARGV[1]: no such license file\\n" unless -f $ARGV[1];
print "license $ARGV[1] registered in the database\\n";`,
};

const { src, dest } = require('gulp');

// Copies node and credential icons next to the compiled JavaScript.
// encoding: false keeps binary files (PNG) byte-exact.
function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;

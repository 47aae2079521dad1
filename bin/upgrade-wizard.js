#!/usr/bin/env node
// `node bin/upgrade-wizard.js` in a checkout: the same launcher as npm's bin, upgrade-wizard.cjs.
import './upgrade-wizard.cjs';

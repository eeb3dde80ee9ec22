//go:build race

package ui

// raceBuild is true under -race, where rendering is ~10x slower and the
// width test takes a smaller corpus sample unless YOMU_FULL=1.
const raceBuild = true

package web

import (
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	tests := []struct {
		errors int
		want   time.Duration
	}{
		{-1, 0}, {0, 0},
		{1, 30 * time.Minute}, {2, time.Hour}, {3, 2 * time.Hour}, {4, 4 * time.Hour},
		{5, 8 * time.Hour}, {6, 16 * time.Hour}, {7, 24 * time.Hour}, {1000, 24 * time.Hour},
	}
	for _, tt := range tests {
		if got := Backoff(tt.errors); got != tt.want {
			t.Errorf("Backoff(%d) = %v, want %v", tt.errors, got, tt.want)
		}
	}
}

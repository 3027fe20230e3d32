#!/usr/bin/env python3
"""The peer of camera_track_bench: what a user would write with OpenCV alone
(corners in the region, Lucas-Kanade frame to frame on the whole frames,
RANSAC from the first frame's positions), on the frames the benchmark wrote
(DIR/translation.raw, DIR/planar.raw: 1920x1080 grey). Prints frames/s.

    track_peer.py DIR FRAMES
"""
import sys
import time

import cv2
import numpy as np

W, H = 1920, 1080
RX, RY, RW, RH = 760, 410, 400, 260


def main():
    folder, frames = sys.argv[1], int(sys.argv[2])
    for name, planar in (("translation", False), ("planar", True)):
        video = np.fromfile(f"{folder}/{name}.raw", np.uint8).reshape(frames, H, W)
        start = time.perf_counter()
        mask = np.zeros((H, W), np.uint8)
        mask[RY:RY + RH, RX:RX + RW] = 255
        key = cv2.goodFeaturesToTrack(video[0], 400, 0.005, 4, mask=mask, blockSize=5)
        points = key.copy()
        for t in range(1, frames):
            moved, found, _ = cv2.calcOpticalFlowPyrLK(video[t - 1], video[t], points, None,
                                                       winSize=(21, 21), maxLevel=4)
            keep = found.ravel() == 1
            if keep.sum() < 10:
                break
            if planar:
                cv2.findHomography(key[keep], moved[keep], cv2.RANSAC, 2.0)
            else:
                cv2.estimateAffinePartial2D(key[keep], moved[keep], method=cv2.RANSAC,
                                            ransacReprojThreshold=2.0)
            key, points = key[keep], moved[keep]
        seconds = time.perf_counter() - start
        print(f"  OpenCV alone ({name}): {(frames - 1) / seconds:6.1f} frames/s")


if __name__ == "__main__":
    main()

# Training loss of the first 7200 batches, written by compare-inits.
# Re-render with `gnuplot depth.gp` in this folder (reads depth.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'depth.png'
set title 'Two hidden layers vs four, the whole training'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:7200]
set logscale y
plot 'depth.dat' using 1:2 with lines linewidth 2 title '784-256-256-10, Xavier uniform (val. acc. 88.92%)', \
     '' using 1:3 with lines linewidth 2 title '784-512x4-10, Xavier uniform (val. acc. 88.96%)'

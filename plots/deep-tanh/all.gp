# Training loss of the first 200 batches, written by compare-inits.
# Re-render with `gnuplot all.gp` in this folder (reads all.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'all.png'
set title 'All five'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:200]
set logscale y
plot 'all.dat' using 1:2 with lines linewidth 2 title 'N(0, 1) (val. acc. 10.21%)', \
     '' using 1:3 with lines linewidth 2 title 'N(0, 0.01) (val. acc. 9.82%)', \
     '' using 1:4 with lines linewidth 2 title 'Xavier uniform (val. acc. 86.17%)', \
     '' using 1:5 with lines linewidth 2 title 'Orthogonal (tanh gain) (val. acc. 86.88%)', \
     '' using 1:6 with lines linewidth 2 title 'LSUV (val. acc. 86.36%)'

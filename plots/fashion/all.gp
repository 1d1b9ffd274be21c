# Training loss of the first 100 batches, written by compare-inits.
# Re-render with `gnuplot all.gp` in this folder (reads all.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'all.png'
set title 'All seven strategies'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:100]
set logscale y
plot 'all.dat' using 1:2 with lines linewidth 2 title 'All Zeros (val. acc. 9.54%)', \
     '' using 1:3 with lines linewidth 2 title 'All Ones (val. acc. 9.54%)', \
     '' using 1:4 with lines linewidth 2 title 'Uniform [0, 1) (val. acc. 44.80%)', \
     '' using 1:5 with lines linewidth 2 title 'Centered [-0.5, 0.5) (val. acc. 81.23%)', \
     '' using 1:6 with lines linewidth 2 title 'General Rule [-y, y) (val. acc. 85.60%)', \
     '' using 1:7 with lines linewidth 2 title 'Normal N(0, y) (val. acc. 85.12%)', \
     '' using 1:8 with lines linewidth 2 title 'PyTorch default (val. acc. 85.15%)'
